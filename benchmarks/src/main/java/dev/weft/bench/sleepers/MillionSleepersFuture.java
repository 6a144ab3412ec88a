package dev.weft.bench.sleepers;

/** CompletableFutures on delayedExecutor. */
public class MillionSleepersFuture extends MillionSleepers {
    @Override
    protected SleepingTasks sleepers() {
        return new FutureSleepers();
    }
}
