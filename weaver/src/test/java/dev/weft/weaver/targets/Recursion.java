package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

/** Recursive @Async methods. */
public class Recursion {
    static int calls;

    @Async
    static Task<Integer> fib(int n) {
        calls++;
        if (n < 2) {
            if (n == 1) {
                await(sleep(0));   // the leaves on one side really suspend
            }
            return done(n);
        }
        int a = await(fib(n - 1));
        int b = await(fib(n - 2));
        return done(a + b);
    }

    static int fibSync(int n) {
        return n < 2 ? n : fibSync(n - 1) + fibSync(n - 2);
    }

    /** Fibonacci with an operand on the stack at each recursive await, every call suspending. */
    @Async
    static Task<Long> fibOnStack(int n) {
        await(sleep(0));
        if (n < 2) {
            return done((long) n);
        }
        return done(await(fibOnStack(n - 1)) + await(fibOnStack(n - 2)));
    }

    /** Depth {@code n} of an @Async method awaiting itself; the bottom suspends with sleep(0). */
    @Async
    static Task<Long> deep(int n) {
        if (n == 0) {
            await(sleep(0));
            return done(0L);
        }
        long below = await(deep(n - 1));
        return done(below + n);
    }

    /** As {@link #deep}, with values of several kinds live in every frame of the chain. */
    @Async
    static Task<String> deepWithLocals(int n, String path) {
        if (n == 0) {
            await(sleep(0));
            return done(path);
        }
        double d = n * 0.5;
        long l = -n;
        String below = await(deepWithLocals(n - 1, n % 500 == 0 ? path + n + "/" : path));
        return done(n == (int) (d * 2) && l == -n ? below : "corrupt at " + n);
    }

    static Object callsSoFar() {
        return calls;
    }
}
