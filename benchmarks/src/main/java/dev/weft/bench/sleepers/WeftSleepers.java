package dev.weft.bench.sleepers;

import dev.weft.Async;
import dev.weft.Event;
import dev.weft.EventLoop;
import dev.weft.Task;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;

/** Weft tasks suspended in {@code sleep}, on one loop. */
final class WeftSleepers implements SleepingTasks {

    /** Counts the sleepers that woke, and tells the driver when the last one did. */
    static final class Wakeups {
        final int expected;
        int woken;
        final Event allWoken = new Event();

        Wakeups(int expected) {
            this.expected = expected;
        }

        void wake() {
            if (++woken == expected) {
                allWoken.set();
            }
        }
    }

    @Override
    public long sleepAll(int tasks, long sleepMillis, long[] latenessNanos, Runnable whenAllAsleep) {
        try (EventLoop loop = EventLoop.newEventLoop()) {
            return loop.runUntilComplete(startAndWait(tasks, sleepMillis, latenessNanos, whenAllAsleep));
        }
    }

    @Async
    static Task<Long> startAndWait(int tasks, long sleepMillis, long[] latenessNanos, Runnable whenAllAsleep) {
        Wakeups wakeups = new Wakeups(tasks);
        for (int id = 0; id < tasks; id++) {
            createTask(sleeper(id, sleepMillis, latenessNanos, wakeups));
        }
        if (whenAllAsleep != null) {
            await(sleep(0));   // one loop iteration: every sleeper, scheduled before this, runs up to its sleep
            whenAllAsleep.run();
        }
        if (tasks > 0) {
            await(wakeups.allWoken.waitSet());
        }
        return done((long) wakeups.woken);
    }

    @Async
    static Task<Void> sleeper(int id, long sleepMillis, long[] latenessNanos, Wakeups wakeups) {
        long deadline = System.nanoTime() + sleepMillis * 1_000_000;
        await(sleep(sleepMillis));
        latenessNanos[id] = System.nanoTime() - deadline;
        wakeups.wake();
        return done();
    }
}
