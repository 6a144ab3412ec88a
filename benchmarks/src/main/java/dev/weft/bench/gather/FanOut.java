package dev.weft.bench.gather;

import dev.weft.bench.Workload;

/**
 * Fan-out/fan-in: {@link #TASKS} tasks that each yield once and return {@link Workload#small(int) small(i)}, awaited
 * together; per task.
 */
public final class FanOut {
    public static final int TASKS = 10_000;

    private FanOut() {
    }

    public static long checksum() {
        return Workload.sumOfSmall(TASKS);
    }
}
