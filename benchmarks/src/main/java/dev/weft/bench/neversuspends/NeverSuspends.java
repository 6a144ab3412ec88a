package dev.weft.bench.neversuspends;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.await;
import static dev.weft.Weft.done;

/**
 * The callers of the twins, {@link #CALLS} calls each, per call. The woven method must be awaited from woven code;
 * the plain twin is both awaited from the same woven driver (the callee's weaving alone) and called from plain code
 * with {@code .result()} (no weaving anywhere: the code a user would have without Weft's coroutines).
 */
public final class NeverSuspends {
    public static final int CALLS = 100_000;

    private NeverSuspends() {
    }

    public static long checksum() {
        return plainResultEach(CALLS);
    }

    @Async
    static Task<Long> awaitWovenEach(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(WovenArithmetic.mix(i));
        }
        return done(sum);
    }

    @Async
    static Task<Long> awaitPlainEach(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(PlainArithmetic.mix(i));
        }
        return done(sum);
    }

    static long plainResultEach(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += PlainArithmetic.mix(i).result();
        }
        return sum;
    }
}
