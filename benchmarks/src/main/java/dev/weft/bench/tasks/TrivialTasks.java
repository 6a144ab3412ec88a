package dev.weft.bench.tasks;

import dev.weft.bench.Workload;

/** Create, run and complete a trivial task that returns {@link Workload#small(int) small(i)}; per task. */
public final class TrivialTasks {
    public static final int TASKS = 10_000;

    private TrivialTasks() {
    }

    public static long checksum() {
        return Workload.sumOfSmall(TASKS);
    }
}
