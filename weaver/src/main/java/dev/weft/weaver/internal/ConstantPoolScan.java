package dev.weft.weaver.internal;

import java.nio.charset.StandardCharsets;

/**
 * Tells from a class file's constant pool alone, without parsing anything else, whether the class may need the
 * weaver: whether it names {@code @Async} or {@code Weft.await}, and whether it is already woven. Lets the agent and
 * the build tools pass over the great majority of classes for the cost of one scan of the pool.
 */
public final class ConstantPoolScan {
    private static final byte[] ASYNC = WeaverSupport.ASYNC_DESC.getBytes(StandardCharsets.UTF_8);
    private static final byte[] WEFT = WeaverSupport.WEFT.getBytes(StandardCharsets.UTF_8);
    private static final byte[] WOVEN = WeaverSupport.WOVEN_DESC.getBytes(StandardCharsets.UTF_8);

    public final boolean namesAsync;
    public final boolean namesWeft;
    public final boolean woven;

    private ConstantPoolScan(boolean namesAsync, boolean namesWeft, boolean woven) {
        this.namesAsync = namesAsync;
        this.namesWeft = namesWeft;
        this.woven = woven;
    }

    /** @return true if the class is not woven yet and names {@code @Async} or the {@code Weft} class */
    public boolean mayNeedWeaving() {
        return !woven && (namesAsync || namesWeft);
    }

    /**
     * Scans the constant pool of {@code classFile}.
     *
     * @throws IllegalArgumentException if the bytes are not a class file (wrong magic number, a constant pool that is
     *     cut short or has an unknown tag), saying why
     */
    public static ConstantPoolScan of(byte[] classFile) {
        if (classFile.length < 4) {
            throw new IllegalArgumentException("not a class file (" + classFile.length + " bytes)");
        }
        int magic = (u2(classFile, 0) << 16) | u2(classFile, 2);
        if (magic != 0xCAFEBABE) {
            // ASM does not check the magic: without this a file that is not a class could be woven and written back
            // as one.
            throw new IllegalArgumentException(String.format(
                    "not a class file (magic %08X, a class file starts with CAFEBABE)", magic));
        }
        if (classFile.length < 10) {
            throw new IllegalArgumentException("truncated class file (" + classFile.length + " bytes)");
        }
        int count = u2(classFile, 8);
        int offset = 10;
        boolean async = false;
        boolean weft = false;
        boolean woven = false;
        try {
            for (int i = 1; i < count; i++) {
                int tag = classFile[offset] & 0xFF;
                switch (tag) {
                    case 1: { // Utf8
                        int length = u2(classFile, offset + 1);
                        int start = offset + 3;
                        async |= equal(classFile, start, length, ASYNC);
                        weft |= equal(classFile, start, length, WEFT);
                        woven |= equal(classFile, start, length, WOVEN);
                        offset = start + length;
                        break;
                    }
                    case 7: case 8: case 16: case 19: case 20:   // Class, String, MethodType, Module, Package
                        offset += 3;
                        break;
                    case 15:                                     // MethodHandle
                        offset += 4;
                        break;
                    case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                        offset += 5;
                        break;
                    case 5: case 6:                              // Long, Double take two entries
                        offset += 9;
                        i++;
                        break;
                    default:
                        throw new IllegalArgumentException("bad constant pool tag " + tag + " at entry " + i);
                }
            }
        } catch (ArrayIndexOutOfBoundsException truncated) {
            throw new IllegalArgumentException("truncated class file (" + classFile.length
                    + " bytes, cut short inside the constant pool)");
        }
        if (offset > classFile.length) {
            throw new IllegalArgumentException("truncated class file (" + classFile.length
                    + " bytes, cut short inside the constant pool)");
        }
        return new ConstantPoolScan(async, weft, woven);
    }

    private static int u2(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 8) | (b[offset + 1] & 0xFF);
    }

    private static boolean equal(byte[] b, int start, int length, byte[] expected) {
        if (length != expected.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (b[start + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
