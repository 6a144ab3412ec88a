package dev.weft.bench.sleepers;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CompletableFutures each run by {@link CompletableFuture#delayedExecutor}: the JDK's one shared scheduler thread holds
 * the timers, and the common pool runs the actions that were due.
 */
final class FutureSleepers implements SleepingTasks {
    @Override
    public long sleepAll(int tasks, long sleepMillis, long[] latenessNanos, Runnable whenAllAsleep) {
        Executor afterSleep = CompletableFuture.delayedExecutor(sleepMillis, TimeUnit.MILLISECONDS);
        CountDownLatch allWoken = new CountDownLatch(tasks);
        AtomicLong woken = new AtomicLong();
        for (int i = 0; i < tasks; i++) {
            int id = i;
            long deadline = System.nanoTime() + sleepMillis * 1_000_000;
            CompletableFuture.runAsync(() -> {
                latenessNanos[id] = System.nanoTime() - deadline;
                woken.incrementAndGet();
                allWoken.countDown();
            }, afterSleep);
        }
        if (whenAllAsleep != null) {
            whenAllAsleep.run();   // each timer is in the scheduler's queue once runAsync returns
        }
        try {
            allWoken.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return woken.get();
    }
}
