package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.weft.Weft.*;
import static dev.weft.weaver.targets.Awaitables.v;

/** Awaits with operands below them on the stack: arithmetic, call arguments, concatenation, ternaries, arrays. */
public class StackOperands {
    static int staticTotal;

    static String f(int a, int b, String s) {
        return a + ":" + b + ":" + s;
    }

    static String g(String a, long b, double c, Object d) {
        return a + "|" + b + "|" + c + "|" + d;
    }

    // ---- arithmetic -------------------------------------------------------------------------------------------------

    @Async
    static Task<Integer> arithmetic(int m) {
        int a = 7;
        int b = 3;
        int r = a + await(v(m, 5)) * b;
        r = r - await(v(m, 2)) * (a + await(v(m, 4)));
        r += 100 / await(v(m, 4)) - (await(v(m, 9)) % 4) << await(v(m, 2));
        int s = (a * b) - (await(v(m, 6)) - (b - await(v(m, 1))));
        return done(r * 1000 + s);
    }

    static int arithmeticSync() {
        int a = 7;
        int b = 3;
        int r = a + 5 * b;
        r = r - 2 * (a + 4);
        r += 100 / 4 - (9 % 4) << 2;
        int s = (a * b) - (6 - (b - 1));
        return r * 1000 + s;
    }

    // ---- method call arguments -------------------------------------------------------------------------------------

    @Async
    static Task<String> callArguments(int m) {
        String first = f(1, await(v(m, 2)), "s");
        String second = f(await(v(m, 10)), 20, "t" + await(v(m, 30)));
        String third = g(f(await(v(m, 4)), 5, "u"), 1L << 40, await(v(m, 2.5)), await(v(m, "obj")));
        int max = Math.max(await(v(m, -3)), Math.min(await(v(m, 8)), 6));
        StringBuilder sb = new StringBuilder("sb");
        sb.append(await(v(m, 'x'))).append(1).append(await(v(m, true))).insert(0, await(v(m, 99L)));
        List<Object> list = new ArrayList<>();
        list.add(await(v(m, "a")));
        list.add(0, await(v(m, "b")));
        list.add(await(sleep(1)));
        return done(first + "/" + second + "/" + third + "/" + max + "/" + sb + "/" + list);
    }

    static String callArgumentsSync() {
        String first = f(1, 2, "s");
        String second = f(10, 20, "t" + 30);
        String third = g(f(4, 5, "u"), 1L << 40, 2.5, "obj");
        int max = Math.max(-3, Math.min(8, 6));
        StringBuilder sb = new StringBuilder("sb");
        sb.append('x').append(1).append(true).insert(0, 99L);
        List<Object> list = new ArrayList<>();
        list.add("a");
        list.add(0, "b");
        list.add(null);
        return first + "/" + second + "/" + third + "/" + max + "/" + sb + "/" + list;
    }

    // ---- string concatenation --------------------------------------------------------------------------------------

    @Async
    static Task<String> concatenation(int m) {
        int i = 42;
        long l = -5L;
        double d = 0.25;
        char c = 'q';
        String s = "pre" + i + await(v(m, "A")) + l + ':' + await(v(m, 7)) + d + c + await(v(m, 3.5)) + "post"
                + await(v(m, (Object) null)) + await(v(m, 'z')) + await(v(m, Long.MIN_VALUE));
        s += "|" + await(v(m, "tail")) + i;
        return done(s);
    }

    static String concatenationSync() {
        int i = 42;
        long l = -5L;
        double d = 0.25;
        char c = 'q';
        String s = "pre" + i + "A" + l + ':' + 7 + d + c + 3.5 + "post" + (Object) null + 'z' + Long.MIN_VALUE;
        s += "|" + "tail" + i;
        return s;
    }

    // ---- ternaries -------------------------------------------------------------------------------------------------

    @Async
    static Task<String> ternaries(int m, boolean flag) {
        int a = flag ? await(v(m, 1)) : await(v(m, 2));
        int b = 10 + (flag ? await(v(m, 20)) : 30) * (await(v(m, flag)) ? 2 : 3);
        String c = (await(v(m, a)) > 1 ? "big" : "small") + (flag ? await(v(m, "T")) : "F");
        long d = 5L * (flag ? 7L : await(v(m, 11L)));
        double e = flag ? (await(v(m, false)) ? 1.0 : await(v(m, 2.0))) : -1.0;
        Object o = await(v(m, flag)) ? (Object) await(v(m, "str")) : (Object) Integer.valueOf(await(v(m, 5)));
        return done(a + "," + b + "," + c + "," + d + "," + e + "," + o);
    }

    static String ternariesSync(boolean flag) {
        int a = flag ? 1 : 2;
        int b = 10 + (flag ? 20 : 30) * (flag ? 2 : 3);
        String c = (a > 1 ? "big" : "small") + (flag ? "T" : "F");
        long d = 5L * (flag ? 7L : 11L);
        double e = flag ? (false ? 1.0 : 2.0) : -1.0;
        Object o = flag ? (Object) "str" : (Object) Integer.valueOf(5);
        return a + "," + b + "," + c + "," + d + "," + e + "," + o;
    }

    // ---- arrays ----------------------------------------------------------------------------------------------------

    @Async
    static Task<String> arrays(int m) {
        int[] ints = new int[]{await(v(m, 1)), await(v(m, 2)), 3, await(v(m, 4))};
        String[] strs = {"a", await(v(m, "b")), null, await(v(m, "d"))};
        long[] longs = new long[await(v(m, 3))];
        longs[await(v(m, 1))] = await(v(m, Long.MAX_VALUE));
        ints[await(v(m, 2))] = await(v(m, 30));
        ints[0] += await(v(m, 100));
        ints[await(v(m, 1))] *= await(v(m, 7));
        longs[2] -= await(v(m, 9L));
        double[][] grid = new double[await(v(m, 2))][await(v(m, 3))];
        grid[await(v(m, 1))][await(v(m, 2))] = await(v(m, -0.5));
        grid[0][await(v(m, 0))] += 1.25;
        int[][] jagged = {{await(v(m, 1))}, {}, {2, await(v(m, 3))}};
        Object[] objs = new Object[]{ints, await(v(m, 'c')), new int[]{await(v(m, 8))}};
        char[] chars = "hello".toCharArray();
        chars[await(v(m, 0))]++;
        chars[4] = await(v(m, 'O'));
        int idx = 0;
        ints[idx++] = ints[idx] + await(v(m, 1000));
        return done(Arrays.toString(ints) + Arrays.toString(strs) + Arrays.toString(longs)
                + Arrays.deepToString(grid) + Arrays.deepToString(jagged) + objs.length + objs[1]
                + ((int[]) objs[2])[0] + new String(chars) + idx);
    }

    static String arraysSync() {
        int[] ints = new int[]{1, 2, 3, 4};
        String[] strs = {"a", "b", null, "d"};
        long[] longs = new long[3];
        longs[1] = Long.MAX_VALUE;
        ints[2] = 30;
        ints[0] += 100;
        ints[1] *= 7;
        longs[2] -= 9L;
        double[][] grid = new double[2][3];
        grid[1][2] = -0.5;
        grid[0][0] += 1.25;
        int[][] jagged = {{1}, {}, {2, 3}};
        Object[] objs = new Object[]{ints, 'c', new int[]{8}};
        char[] chars = "hello".toCharArray();
        chars[0]++;
        chars[4] = 'O';
        int idx = 0;
        ints[idx++] = ints[idx] + 1000;
        return Arrays.toString(ints) + Arrays.toString(strs) + Arrays.toString(longs)
                + Arrays.deepToString(grid) + Arrays.deepToString(jagged) + objs.length + objs[1]
                + ((int[]) objs[2])[0] + new String(chars) + idx;
    }

    // ---- fields updated around awaits ------------------------------------------------------------------------------

    @Async
    static Task<Integer> compoundStaticField(int m) {
        staticTotal = 1;
        staticTotal += await(v(m, 10));
        staticTotal = staticTotal * await(v(m, 3)) - await(v(m, 1));
        return done(staticTotal);
    }

    // ---- new/dup straddling awaits ---------------------------------------------------------------------------------

    public record Pair(Object first, Object second) {
    }

    public record Inner(int value) {
    }

    public record Outer(Inner inner, long extra) {
    }

    public record Mixed(long l, double d, int i, float f, String s) {
    }

    public static final class Counted {
        static int created;
        final String label;

        Counted(String label) {
            created++;
            this.label = label;
        }

        @Override
        public String toString() {
            return "Counted(" + label + ")#" + created;
        }
    }

    @Async
    static Task<Pair> newPair(int m) {
        return done(new Pair(await(v(m, 1)), await(v(m, "two"))));
    }

    @Async
    static Task<Outer> nestedNew(int m) {
        return done(new Outer(new Inner(await(v(m, 5))), await(v(m, 6L))));
    }

    @Async
    static Task<String> builderChain(int m) {
        String a = new StringBuilder().append(await(v(m, "x"))).append(await(v(m, 1))).toString();
        String b = new StringBuilder(await(v(m, "init"))).append('-').append(await(v(m, 2.0))).toString();
        String c = new StringBuilder(await(v(m, "q"))).reverse().append(new StringBuilder(await(v(m, "rs"))))
                .toString();
        return done(a + "/" + b + "/" + c);
    }

    static String builderChainSync() {
        String a = new StringBuilder().append("x").append(1).toString();
        String b = new StringBuilder("init").append('-').append(2.0).toString();
        String c = new StringBuilder("q").reverse().append(new StringBuilder("rs")).toString();
        return a + "/" + b + "/" + c;
    }

    @Async
    static Task<String> newWithTernaryArgument(int m, boolean flag) {
        Pair p = new Pair(flag ? await(v(m, "yes")) : "no", await(v(m, 3)));
        Inner q = new Inner(flag ? await(v(m, 10)) + 1 : -1);
        Pair r = new Pair(!flag ? await(v(m, "never")) : new Inner(await(v(m, 7))), flag ? 1 : await(v(m, 2)));
        return done(p + ";" + q + ";" + r);
    }

    static String newWithTernaryArgumentSync(boolean flag) {
        Pair p = new Pair(flag ? "yes" : "no", 3);
        Inner q = new Inner(flag ? 10 + 1 : -1);
        Pair r = new Pair(!flag ? "never" : new Inner(7), flag ? 1 : 2);
        return p + ";" + q + ";" + r;
    }

    @Async
    static Task<String> newWithWideArguments(int m) {
        Mixed x = new Mixed(await(v(m, Long.MIN_VALUE)), -0.0, await(v(m, 3)), await(v(m, Float.NaN)),
                await(v(m, "s")));
        String s = f(1, 2, new Pair(await(v(m, 'c')), new Inner(await(v(m, 4)))).toString());
        List<Pair> list = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            list.add(new Pair(i, await(v(m, i * i))));
        }
        return done(x + ";" + s + ";" + list);
    }

    static String newWithWideArgumentsSync() {
        Mixed x = new Mixed(Long.MIN_VALUE, -0.0, 3, Float.NaN, "s");
        String s = f(1, 2, new Pair('c', new Inner(4)).toString());
        List<Pair> list = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            list.add(new Pair(i, i * i));
        }
        return x + ";" + s + ";" + list;
    }

    /** The constructor runs once, after both awaits, with their values. */
    @Async
    static Task<String> constructorRunsOnceAfterArguments(int m) {
        Counted.created = 0;
        Pair p = new Pair(new Counted(await(v(m, "a"))), new Counted(await(v(m, "b")) + await(v(m, "c"))));
        return done(p + " created=" + Counted.created);
    }
}
