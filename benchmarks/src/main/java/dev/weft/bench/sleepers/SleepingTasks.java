package dev.weft.bench.sleepers;

/**
 * Many tasks asleep at once, on one runtime: what both {@link MillionSleepers} (time to wake them all) and
 * {@link SleepersHeap} (heap per sleeping task, lateness past the deadline) run.
 */
public interface SleepingTasks {
    /**
     * Starts {@code tasks} tasks that each sleep {@code sleepMillis} and then write in {@code latenessNanos[id]} how
     * long past its own deadline it woke; calls {@code whenAllAsleep} once, when every task has reached its sleep
     * (unless it is null: then nothing waits for that); returns, once all have woken, how many woke.
     */
    long sleepAll(int tasks, long sleepMillis, long[] latenessNanos, Runnable whenAllAsleep);

    /**
     * The runtime of that name: {@code weft}, {@code kotlin}, {@code completable-future}, or {@code virtual-threads}
     * (JDK 21 and later; its class is compiled only there, so it is looked up by name).
     */
    static SleepingTasks named(String runtime) {
        switch (runtime) {
            case "weft":
                return new WeftSleepers();
            case "kotlin":
                return new dev.weft.bench.kotlin.KotlinSleepers();
            case "completable-future":
                return new FutureSleepers();
            case "virtual-threads":
                try {
                    return (SleepingTasks) Class.forName("dev.weft.bench.sleepers.VirtualThreadSleepers")
                            .getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(
                            "virtual threads need JDK 21 or later (and the module built on it)", e);
                }
            default:
                throw new IllegalArgumentException("unknown runtime: " + runtime);
        }
    }
}
