package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import java.util.ArrayList;
import java.util.List;

import static dev.weft.Weft.*;
import static dev.weft.weaver.targets.Awaitables.v;

/** Loops of every form with awaits in their conditions, updates and bodies. */
public class Loops {

    @Async
    static Task<String> forLoop(int m) {
        StringBuilder out = new StringBuilder();
        long product = 1;
        for (int i = await(v(m, 1)); i <= await(v(m, 6)); i += await(v(m, 1))) {
            product *= await(v(m, i));
            out.append(i);
        }
        for (int i = 0, j = 10; i < j; i += 2, j -= await(v(m, 1))) {
            out.append('.').append(i * j);
        }
        return done(out + "=" + product);
    }

    static String forLoopSync() {
        StringBuilder out = new StringBuilder();
        long product = 1;
        for (int i = 1; i <= 6; i += 1) {
            product *= i;
            out.append(i);
        }
        for (int i = 0, j = 10; i < j; i += 2, j -= 1) {
            out.append('.').append(i * j);
        }
        return out + "=" + product;
    }

    @Async
    static Task<String> whileLoop(int m) {
        int n = 27;
        int steps = 0;
        StringBuilder trace = new StringBuilder();
        while (await(v(m, n)) != 1) {
            n = (n % 2 == 0) ? n / 2 : await(v(m, 3 * n + 1));
            steps++;
            if (steps % 20 == 0) {
                trace.append(n).append(',');
            }
        }
        return done(steps + ":" + trace);
    }

    static String whileLoopSync() {
        int n = 27;
        int steps = 0;
        StringBuilder trace = new StringBuilder();
        while (n != 1) {
            n = (n % 2 == 0) ? n / 2 : 3 * n + 1;
            steps++;
            if (steps % 20 == 0) {
                trace.append(n).append(',');
            }
        }
        return steps + ":" + trace;
    }

    @Async
    static Task<String> doWhileLoop(int m) {
        List<Integer> seen = new ArrayList<>();
        int x = 100;
        do {
            x -= await(v(m, 17));
            seen.add(x);
        } while (x > await(v(m, 0)));
        int once = 0;
        do {
            once += await(v(m, 5));
        } while (await(v(m, false)));
        return done(seen + "/" + once);
    }

    static String doWhileLoopSync() {
        List<Integer> seen = new ArrayList<>();
        int x = 100;
        do {
            x -= 17;
            seen.add(x);
        } while (x > 0);
        int once = 0;
        do {
            once += 5;
        } while (false);
        return seen + "/" + once;
    }

    @Async
    static Task<String> enhancedFor(int m, List<String> words, int[] numbers) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            sb.append(await(v(m, w.toUpperCase()))).append(' ');
        }
        long sum = 0;
        for (int n : numbers) {
            sum += (long) n * await(v(m, n));
        }
        for (String w : await(v(m, words))) {
            sb.append(w.length());
        }
        for (char c : await(v(m, "abc")).toCharArray()) {
            sb.append((char) (c + await(v(m, 1))));
        }
        return done(sb + "|" + sum);
    }

    static String enhancedForSync(List<String> words, int[] numbers) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            sb.append(w.toUpperCase()).append(' ');
        }
        long sum = 0;
        for (int n : numbers) {
            sum += (long) n * n;
        }
        for (String w : words) {
            sb.append(w.length());
        }
        for (char c : "abc".toCharArray()) {
            sb.append((char) (c + 1));
        }
        return sb + "|" + sum;
    }

    @Async
    static Task<String> labeledBreakAndContinue(int m) {
        StringBuilder sb = new StringBuilder();
        outer:
        for (int i = 0; i < 6; i++) {
            inner:
            for (int j = 0; j < 6; j++) {
                int v = await(v(m, i * 10 + j));
                if (j > i) {
                    continue outer;
                }
                if (v == 32) {
                    sb.append("[skip32]");
                    continue inner;
                }
                if (await(v(m, v == 51))) {
                    sb.append("[break51]");
                    break outer;
                }
                if (j == 3) {
                    break inner;
                }
                sb.append(v).append(',');
            }
            sb.append('/');
        }
        int count = 0;
        search:
        while (true) {
            do {
                count += await(v(m, 1));
                if (count == 7) {
                    break search;
                }
            } while (count % 3 != 0);
            sb.append('#');
        }
        return done(sb + "count=" + count);
    }

    static String labeledBreakAndContinueSync() {
        StringBuilder sb = new StringBuilder();
        outer:
        for (int i = 0; i < 6; i++) {
            inner:
            for (int j = 0; j < 6; j++) {
                int v = i * 10 + j;
                if (j > i) {
                    continue outer;
                }
                if (v == 32) {
                    sb.append("[skip32]");
                    continue inner;
                }
                if (v == 51) {
                    sb.append("[break51]");
                    break outer;
                }
                if (j == 3) {
                    break inner;
                }
                sb.append(v).append(',');
            }
            sb.append('/');
        }
        int count = 0;
        search:
        while (true) {
            do {
                count += 1;
                if (count == 7) {
                    break search;
                }
            } while (count % 3 != 0);
            sb.append('#');
        }
        return sb + "count=" + count;
    }

    /** A thousand iterations, each suspending once (sleep(0)) and once on an already done task. */
    @Async
    static Task<Long> thousandIterations() {
        long sum = 0;
        int suspended = 0;
        for (int i = 0; i < 1000; i++) {
            sum += await(Awaitables.yielding(i));
            sum += await(done(1));
            if (i % 100 == 0) {
                await(sleep(0));
                suspended++;
            }
        }
        return done(sum * 100 + suspended);
    }

    /** Loops nested three deep with a long accumulator and awaits at every level. */
    @Async
    static Task<Long> nestedLoops(int m) {
        long acc = 0;
        for (int a = 0; a < 4; a++) {
            int b = 0;
            while (b < a) {
                int c = 0;
                do {
                    acc = acc * 7 + await(v(m, a + b + c));
                    c++;
                } while (c < b);
                b++;
            }
            acc ^= await(v(m, (long) a << 40));
        }
        return done(acc);
    }

    static long nestedLoopsSync() {
        long acc = 0;
        for (int a = 0; a < 4; a++) {
            int b = 0;
            while (b < a) {
                int c = 0;
                do {
                    acc = acc * 7 + (a + b + c);
                    c++;
                } while (c < b);
                b++;
            }
            acc ^= (long) a << 40;
        }
        return acc;
    }
}
