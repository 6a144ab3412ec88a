package dev.weft.weaver;

import dev.weft.weaver.validation.WeavingClassLoader;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Damaged copies of a real class with {@code @Async} methods, for the tests that feed hostile input to every entry
 * point (the {@link Weaver}, {@link Main}, {@link DirectoryWeaver}, the agent). Deterministic: the same seed gives the
 * same variants, each named after how it was made so that a failure can be replayed.
 */
public final class HostileInputCorpus {
    /** The class every variant is made from: it has {@code @Async} methods, so each variant reaches the weaver. */
    public static final String SOURCE_CLASS = "dev.weft.weaver.targets.Basics";
    public static final long SEED = 0x5EED_C0FFEEL;
    public static final int SIZE = 1200;

    private HostileInputCorpus() {
    }

    /** One damaged class file. */
    public record Variant(String name, byte[] bytes) {
    }

    /** The source class as javac wrote it. */
    public static byte[] original() {
        return WeavingClassLoader.original(SOURCE_CLASS);
    }

    /**
     * {@link #SIZE} variants of {@link #original()}, in turn: a few bytes overwritten at random places, the file cut
     * short at a random length, a few random bytes inserted at a random place.
     */
    public static List<Variant> variants() {
        byte[] original = original();
        Random random = new Random(SEED);
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            switch (i % 3) {
                case 0: {
                    byte[] bytes = original.clone();
                    int flips = 1 + random.nextInt(4);
                    StringBuilder name = new StringBuilder("flip");
                    for (int f = 0; f < flips; f++) {
                        int at = random.nextInt(bytes.length);
                        bytes[at] = (byte) random.nextInt(256);
                        name.append('-').append(at);
                    }
                    variants.add(new Variant(i + "-" + name, bytes));
                    break;
                }
                case 1: {
                    int length = random.nextInt(original.length);
                    variants.add(new Variant(i + "-cut-" + length, Arrays.copyOf(original, length)));
                    break;
                }
                default: {
                    int at = random.nextInt(original.length + 1);
                    byte[] inserted = new byte[1 + random.nextInt(8)];
                    random.nextBytes(inserted);
                    byte[] bytes = new byte[original.length + inserted.length];
                    System.arraycopy(original, 0, bytes, 0, at);
                    System.arraycopy(inserted, 0, bytes, at, inserted.length);
                    System.arraycopy(original, at, bytes, at + inserted.length, original.length - at);
                    variants.add(new Variant(i + "-insert-" + inserted.length + "-at-" + at, bytes));
                    break;
                }
            }
        }
        return variants;
    }

    /**
     * The source class cut short inside its trailing attributes, at the longest length where ASM fails before it
     * visits the class name (it reads the class attributes first).
     */
    public static byte[] truncatedInTrailingAttributes() {
        byte[] original = original();
        for (int length = original.length - 1; length > original.length - 64; length--) {
            byte[] truncated = Arrays.copyOf(original, length);
            boolean[] named = {false};
            try {
                new ClassReader(truncated).accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public void visit(int version, int access, String name, String signature, String superName,
                                      String[] interfaces) {
                        named[0] = true;
                    }
                }, 0);
            } catch (RuntimeException failed) {
                if (!named[0]) {
                    return truncated;
                }
            }
        }
        throw new AssertionError("no length of " + SOURCE_CLASS + " fails before its name");
    }

    /** The source class with {@code magic} in place of {@code CAFEBABE}. */
    public static byte[] withMagic(int magic) {
        byte[] bytes = original();
        bytes[0] = (byte) (magic >>> 24);
        bytes[1] = (byte) (magic >>> 16);
        bytes[2] = (byte) (magic >>> 8);
        bytes[3] = (byte) magic;
        return bytes;
    }
}
