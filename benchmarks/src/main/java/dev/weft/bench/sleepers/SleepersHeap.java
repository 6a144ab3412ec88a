package dev.weft.bench.sleepers;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * Heap per sleeping task, in a JVM of its own: {@code SleepersHeap RUNTIME [TASKS [SLEEP_MILLIS]]} (1,000,000 tasks
 * sleeping 10 s unless given). Measures the used heap after forced collections before the tasks start and again
 * once all are asleep, and prints one line: the difference divided by the number of tasks, then, once all woke, how
 * late past its own deadline each task woke (median, 99th percentile, maximum) and the time to start them.
 *
 * <p>The array of lateness figures is allocated before the first measurement, so it is not counted; the tasks'
 * own live locals (an id, a deadline, two references) are.
 */
public final class SleepersHeap {
    private static final int COLLECTIONS = 5;

    private SleepersHeap() {
    }

    public static void main(String[] args) {
        String runtime = args[0];
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        long sleepMillis = args.length > 2 ? Long.parseLong(args[2]) : 10_000;
        System.out.println(measure(SleepingTasks.named(runtime), tasks, sleepMillis).toLine(runtime));
    }

    /** What one measurement found. */
    record Result(int tasks, long woken, double bytesPerTask, long startMillis, double[] latenessMillis,
                  boolean measuredBeforeFirstWake) {
        String toLine(String runtime) {
            return String.format(Locale.ROOT,
                    "runtime=%s tasks=%d woken=%d bytesPerTask=%.1f startMillis=%d latenessP50Millis=%.1f"
                            + " latenessP99Millis=%.1f latenessMaxMillis=%.1f valid=%b",
                    runtime, tasks, woken, bytesPerTask, startMillis, latenessMillis[0], latenessMillis[1],
                    latenessMillis[2], measuredBeforeFirstWake);
        }
    }

    static Result measure(SleepingTasks sleepers, int tasks, long sleepMillis) {
        // A small round first, so that the runtime's own one-time structures (pools, scheduler threads) exist
        // before the baseline and are not charged to the tasks.
        sleepers.sleepAll(1_000, 1, new long[1_000], null);
        long[] latenessNanos = new long[tasks];
        long baseline = usedHeapAfterCollections();
        long[] asleep = new long[3];   // when all were asleep, the used heap then, when that was measured
        long start = System.nanoTime();
        long woken = sleepers.sleepAll(tasks, sleepMillis, latenessNanos, () -> {
            asleep[0] = System.nanoTime();
            asleep[1] = usedHeapAfterCollections();
            asleep[2] = System.nanoTime();
        });
        // No task's deadline is earlier than this; a measurement that ended after it may have missed some tasks.
        boolean measuredBeforeFirstWake = asleep[2] < start + sleepMillis * 1_000_000;
        return new Result(tasks, woken, (asleep[1] - baseline) / (double) tasks,
                (asleep[0] - start) / 1_000_000, percentilesMillis(latenessNanos), measuredBeforeFirstWake);
    }

    private static double[] percentilesMillis(long[] latenessNanos) {
        long[] sorted = latenessNanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return new double[] {
                sorted[n / 2] / 1e6, sorted[Math.min(n - 1, (int) (n * 0.99))] / 1e6, sorted[n - 1] / 1e6};
    }

    private static long usedHeapAfterCollections() {
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
