package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import java.util.Arrays;

import static dev.weft.Weft.*;
import static dev.weft.weaver.targets.Awaitables.v;

/** Values of every primitive kind, arrays and references, live in locals and on the stack across awaits. */
public class Primitives {
    static final float FLOAT_NAN_PAYLOAD = Float.intBitsToFloat(0x7fc01234);
    static final double DOUBLE_NAN_PAYLOAD = Double.longBitsToDouble(0x7ff8000000abcdefL);

    static String bits(boolean z, byte b, char c, short s, int i, long l, float f, double d) {
        return z + "," + b + "," + (int) c + "," + s + "," + i + "," + l + ","
                + Integer.toHexString(Float.floatToRawIntBits(f)) + ","
                + Long.toHexString(Double.doubleToRawLongBits(d));
    }

    /** Extreme values of every kind, set before the first await and read after the last. */
    @Async
    static Task<String> extremesSurvive(int m) {
        boolean z = true;
        byte b = Byte.MIN_VALUE;
        char c = Character.MAX_VALUE;
        short s = Short.MIN_VALUE;
        int i = Integer.MIN_VALUE;
        long l = Long.MIN_VALUE;
        float f = Float.NaN;
        double d = -0.0;
        float f2 = -0.0f;
        double d2 = Double.MAX_VALUE;
        long l2 = Long.MAX_VALUE;
        double d3 = Double.NaN;
        float f3 = FLOAT_NAN_PAYLOAD;
        double d4 = DOUBLE_NAN_PAYLOAD;
        double d5 = Double.NEGATIVE_INFINITY;
        float f4 = Float.MIN_VALUE;
        double d6 = Double.MIN_VALUE;
        await(v(m, 0));
        String first = bits(z, b, c, s, i, l, f, d);
        await(sleep(1));
        String second = bits(!z, (byte) (b - 1), (char) (c + 1), (short) (s - 1), i - 1, l - 1, f2, d2);
        await(v(m, "x"));
        String third = Long.toHexString(l2) + "," + Long.toHexString(Double.doubleToRawLongBits(d3)) + ","
                + Integer.toHexString(Float.floatToRawIntBits(f3)) + ","
                + Long.toHexString(Double.doubleToRawLongBits(d4)) + "," + d5 + ","
                + Integer.toHexString(Float.floatToRawIntBits(f4)) + "," + Long.toHexString(Double.doubleToRawLongBits(d6));
        return done(first + ";" + second + ";" + third);
    }

    static String extremesSurviveSync() {
        boolean z = true;
        byte b = Byte.MIN_VALUE;
        char c = Character.MAX_VALUE;
        short s = Short.MIN_VALUE;
        int i = Integer.MIN_VALUE;
        long l = Long.MIN_VALUE;
        float f = Float.NaN;
        double d = -0.0;
        float f2 = -0.0f;
        double d2 = Double.MAX_VALUE;
        long l2 = Long.MAX_VALUE;
        double d3 = Double.NaN;
        float f3 = FLOAT_NAN_PAYLOAD;
        double d4 = DOUBLE_NAN_PAYLOAD;
        double d5 = Double.NEGATIVE_INFINITY;
        float f4 = Float.MIN_VALUE;
        double d6 = Double.MIN_VALUE;
        String first = bits(z, b, c, s, i, l, f, d);
        String second = bits(!z, (byte) (b - 1), (char) (c + 1), (short) (s - 1), i - 1, l - 1, f2, d2);
        String third = Long.toHexString(l2) + "," + Long.toHexString(Double.doubleToRawLongBits(d3)) + ","
                + Integer.toHexString(Float.floatToRawIntBits(f3)) + ","
                + Long.toHexString(Double.doubleToRawLongBits(d4)) + "," + d5 + ","
                + Integer.toHexString(Float.floatToRawIntBits(f4)) + "," + Long.toHexString(Double.doubleToRawLongBits(d6));
        return first + ";" + second + ";" + third;
    }

    /** Every kind is updated with awaited values, in a loop so that the locals merge at the loop head. */
    @Async
    static Task<String> updatedWithAwaitedValues(int m) {
        boolean z = false;
        byte b = 1;
        char c = 'a';
        short s = 1000;
        int i = 7;
        long l = 1L << 33;
        float f = 1.5f;
        double d = 0.1;
        for (int k = 0; k < 3; k++) {
            z ^= await(v(m, true));
            b += await(v(m, (byte) 50));
            c += await(v(m, 'b')) - 'a';
            s *= await(v(m, (short) 3));
            i = i * await(v(m, 31)) + k;
            l = l * await(v(m, 3L)) - k;
            f = f * await(v(m, 2.5f));
            d = d + await(v(m, 0.2));
        }
        return done(bits(z, b, c, s, i, l, f, d));
    }

    static String updatedWithAwaitedValuesSync() {
        boolean z = false;
        byte b = 1;
        char c = 'a';
        short s = 1000;
        int i = 7;
        long l = 1L << 33;
        float f = 1.5f;
        double d = 0.1;
        for (int k = 0; k < 3; k++) {
            z ^= true;
            b += (byte) 50;
            c += 'b' - 'a';
            s *= (short) 3;
            i = i * 31 + k;
            l = l * 3L - k;
            f = f * 2.5f;
            d = d + 0.2;
        }
        return bits(z, b, c, s, i, l, f, d);
    }

    /** Wide and narrow values on the operand stack below an await. */
    @Async
    static Task<String> wideValuesOnTheStack(int m) {
        long bigLong = Long.MAX_VALUE - 10;
        long r = bigLong + await(v(m, 7L));
        double dd = 1.5 * await(v(m, 4.0));
        long mixed = bigLong - await(v(m, 3)) * 2L + (long) (double) await(v(m, 1.0e3));
        double sum = 0.5 + 2L * await(v(m, 0.25f)) + await(v(m, 'A'));
        float ff = -0.0f * await(v(m, 1.0f));
        double neg = -0.0 + await(v(m, -0.0));
        double nan = Double.NaN * await(v(m, 2.0));
        double max = Double.MAX_VALUE / await(v(m, 1.0));
        long min = Long.MIN_VALUE + await(v(m, 0L));
        boolean z = (bigLong > 0) & await(v(m, true)) | await(v(m, false));
        boolean shortCircuit = bigLong < 0 && await(v(m, true)) || !await(v(m, false));
        long shifted = (1L << await(v(m, 62))) >>> await(v(m, 1));
        int narrow = (byte) 200 + (short) 70000 + (char) (int) await(v(m, 65)) + (int) (double) await(v(m, 3.9));
        return done(r + "," + dd + "," + mixed + "," + sum + "," + Float.floatToRawIntBits(ff) + ","
                + Double.doubleToRawLongBits(neg) + "," + Double.isNaN(nan) + "," + max + "," + min + "," + z + ","
                + shortCircuit + "," + shifted + "," + narrow);
    }

    static String wideValuesOnTheStackSync() {
        long bigLong = Long.MAX_VALUE - 10;
        long r = bigLong + 7L;
        double dd = 1.5 * 4.0;
        long mixed = bigLong - 3 * 2L + (long) 1.0e3;
        double sum = 0.5 + 2L * 0.25f + 'A';
        float ff = -0.0f * 1.0f;
        double neg = -0.0 + -0.0;
        double nan = Double.NaN * 2.0;
        double max = Double.MAX_VALUE / 1.0;
        long min = Long.MIN_VALUE + 0L;
        boolean z = (bigLong > 0) & true | false;
        boolean shortCircuit = bigLong < 0 && true || !false;
        long shifted = (1L << 62) >>> 1;
        int narrow = (byte) 200 + (short) 70000 + (char) 65 + (int) 3.9;
        return r + "," + dd + "," + mixed + "," + sum + "," + Float.floatToRawIntBits(ff) + ","
                + Double.doubleToRawLongBits(neg) + "," + Double.isNaN(nan) + "," + max + "," + min + "," + z + ","
                + shortCircuit + "," + shifted + "," + narrow;
    }

    /** Arrays of primitives and of objects, a null reference and a reference of a merged type live across awaits. */
    @Async
    static Task<String> arraysAndReferences(int m, boolean flag) {
        boolean[] zs = {true, false};
        byte[] bs = {Byte.MAX_VALUE};
        char[] cs = {'x', 'y'};
        short[] ss = {Short.MAX_VALUE};
        int[] is = {Integer.MAX_VALUE, 0};
        long[] ls = {Long.MIN_VALUE};
        float[] fs = {Float.NaN, -0.0f};
        double[] ds = {-0.0, Double.MAX_VALUE};
        String[] strs = {"s", null};
        Object[][] nested = {{1, "two"}, null};
        String nothing = null;
        int[] maybe = flag ? new int[]{1} : null;
        Number n = flag ? (Number) Integer.valueOf(5) : (Number) Long.valueOf(6L);
        CharSequence text = flag ? new StringBuilder("sb") : "str";
        await(v(m, 1));
        zs[1] = await(v(m, true));
        is[1] = await(v(m, 9)) + is[0];
        await(sleep(1));
        strs[1] = await(v(m, "t"));
        nested[1] = new Object[]{await(v(m, 'c'))};
        String result = Arrays.toString(zs) + Arrays.toString(bs) + Arrays.toString(cs) + Arrays.toString(ss)
                + Arrays.toString(is) + Arrays.toString(ls) + Arrays.toString(fs) + Arrays.toString(ds)
                + Arrays.toString(strs) + Arrays.deepToString(nested) + (nothing == null) + ","
                + (maybe == null ? "none" : maybe.length) + "," + n.intValue() + "," + text.length() + text;
        return done(result);
    }

    static String arraysAndReferencesSync(boolean flag) {
        boolean[] zs = {true, false};
        byte[] bs = {Byte.MAX_VALUE};
        char[] cs = {'x', 'y'};
        short[] ss = {Short.MAX_VALUE};
        int[] is = {Integer.MAX_VALUE, 0};
        long[] ls = {Long.MIN_VALUE};
        float[] fs = {Float.NaN, -0.0f};
        double[] ds = {-0.0, Double.MAX_VALUE};
        String[] strs = {"s", null};
        Object[][] nested = {{1, "two"}, null};
        String nothing = null;
        int[] maybe = flag ? new int[]{1} : null;
        Number n = flag ? (Number) Integer.valueOf(5) : (Number) Long.valueOf(6L);
        CharSequence text = flag ? new StringBuilder("sb") : "str";
        zs[1] = true;
        is[1] = 9 + is[0];
        strs[1] = "t";
        nested[1] = new Object[]{'c'};
        return Arrays.toString(zs) + Arrays.toString(bs) + Arrays.toString(cs) + Arrays.toString(ss)
                + Arrays.toString(is) + Arrays.toString(ls) + Arrays.toString(fs) + Arrays.toString(ds)
                + Arrays.toString(strs) + Arrays.deepToString(nested) + (nothing == null) + ","
                + (maybe == null ? "none" : maybe.length) + "," + n.intValue() + "," + text.length() + text;
    }

    /** Primitive arguments of every kind, used only after awaits. */
    @Async
    static Task<String> primitiveArguments(int m, boolean z, byte b, char c, short s, int i, long l, float f,
                                          double d) {
        await(v(m, 0));
        await(sleep(1));
        return done(bits(z, b, c, s, i, l, f, d));
    }
}
