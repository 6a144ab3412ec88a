package dev.weft.bench.sleepers;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Virtual threads in Thread.sleep. Looked up by name by {@link SleepingTasks#named(String)}. */
final class VirtualThreadSleepers implements SleepingTasks {
    /** After the last thread announced it is going to sleep, time for it to get there (it parks right after). */
    private static final long SETTLE_MILLIS = 200;

    @Override
    public long sleepAll(int tasks, long sleepMillis, long[] latenessNanos, Runnable whenAllAsleep) {
        CountDownLatch allWoken = new CountDownLatch(tasks);
        AtomicInteger goingToSleep = new AtomicInteger();
        LongAdder woken = new LongAdder();
        for (int i = 0; i < tasks; i++) {
            int id = i;
            Thread.startVirtualThread(() -> {
                long deadline = System.nanoTime() + sleepMillis * 1_000_000;
                goingToSleep.incrementAndGet();
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    return;
                }
                latenessNanos[id] = System.nanoTime() - deadline;
                woken.increment();
                allWoken.countDown();
            });
        }
        try {
            if (whenAllAsleep != null) {
                while (goingToSleep.get() < tasks) {
                    Thread.sleep(1);
                }
                Thread.sleep(SETTLE_MILLIS);
                whenAllAsleep.run();
            }
            allWoken.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return woken.sum();
    }
}
