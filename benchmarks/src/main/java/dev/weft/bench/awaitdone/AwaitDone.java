package dev.weft.bench.awaitdone;

import dev.weft.bench.Workload;

/**
 * Await on a task that is already done, in a loop inside one coroutine, the result summed: per await. The awaited
 * task is picked from {@link #DONE_TASKS} done ones by {@link Workload#small(int) small(i)}, which is also its value,
 * so the compiler cannot hoist the await out of the loop.
 */
public final class AwaitDone {
    public static final int AWAITS = 100_000;
    public static final int DONE_TASKS = 64;

    private AwaitDone() {
    }

    public static long checksum() {
        return Workload.sumOfSmall(AWAITS);
    }
}
