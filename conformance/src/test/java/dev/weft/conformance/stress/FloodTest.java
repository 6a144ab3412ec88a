package dev.weft.conformance.stress;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Timers keep their time while other threads flood the loop with {@code callSoonThreadsafe}: two threads submit
 * callbacks for about a second, faster than the loop can run them, while a 1 ms {@code callLater} chain and a task
 * sleeping 1 ms at a time measure how late each timer fires. Each timer must fire within 250 ms of its deadline: a
 * generous bound, on a real clock, for a loop on two busy cores.
 *
 * <p>Why the flood is shaped as it is. Each callback costs about 2 microseconds (a spin), and each thread submits one
 * about every microsecond, so the loop is overloaded about four times. A loop whose iteration takes in everything the
 * other threads have sent (today's: it drains the inbox until it is empty) then runs ever longer iterations, each
 * holding what arrived during the last, and checks its timers only between them: with the load four times what it
 * can run, an iteration soon lasts hundreds of milliseconds. A loop that takes at most a bounded batch from the inbox
 * per iteration checks its timers every few milliseconds whatever the backlog. Memory stays bounded: a thread waits
 * while more than {@link #BACKLOG} of its callbacks have not run yet.
 */
class FloodTest {
    private static final long FLOOD_NANOS = 1_000_000_000L;
    private static final long SUBMIT_EVERY_NANOS = 1_000;
    private static final long CALLBACK_NANOS = 2_000;
    private static final long BACKLOG = 300_000;
    private static final long BOUND_MILLIS = 250;

    /** What the flood and the timers share across threads. */
    static final class Flood {
        final AtomicLong submitted = new AtomicLong();
        final AtomicLong executed = new AtomicLong();
        /** The most callbacks sent and not yet run, as the threads saw it: proof that the loop was overloaded. */
        final AtomicLong worstBacklog = new AtomicLong();
        volatile boolean over;
        long worstNanos;
        int firings;
        int late;

        void fired(long lateNanos) {
            firings++;
            worstNanos = Math.max(worstNanos, lateNanos);
            if (lateNanos > BOUND_MILLIS * 1_000_000) {
                late++;
            }
        }
    }

    static void spin(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void timersFireWithinABoundOfTheirDeadlineWhileOtherThreadsFloodTheLoop() {
        Flood f = new Flood();
        Stress.Run run = new Stress.Run(0);
        run(flooded(f), run.realTime());
        String what = String.format("while 2 threads sent %d callbacks in %d ms (up to %d waiting to run): %d timer"
                        + " firings, %d of them later than %d ms, the worst %d ms late", f.submitted.get(),
                FLOOD_NANOS / 1_000_000, f.worstBacklog.get(), f.firings, f.late, BOUND_MILLIS,
                f.worstNanos / 1_000_000);
        assertTrue(run.reports.isEmpty(), "the loop reported: " + run.reports);
        assertTrue(f.worstBacklog.get() >= 10_000, "no flood to speak of: " + what);
        assertTrue(f.late == 0 && f.firings >= 20, "timers starved " + what);
    }

    @Async
    Task<Void> flooded(Flood f) {
        EventLoop loop = EventLoop.current();
        Runnable work = () -> {
            spin(CALLBACK_NANOS);
            f.executed.incrementAndGet();
        };
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                long end = System.nanoTime() + FLOOD_NANOS;
                while (System.nanoTime() < end) {
                    long backlog = f.submitted.get() - f.executed.get();
                    f.worstBacklog.accumulateAndGet(backlog, Math::max);
                    if (backlog < BACKLOG) {
                        loop.callSoonThreadsafe(work);
                        f.submitted.incrementAndGet();
                    }
                    spin(SUBMIT_EVERY_NANOS);
                }
            }, "weft-flood-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        try {
            chain(loop, f);
            while (threads.stream().anyMatch(Thread::isAlive)) {
                long due = System.nanoTime() + 1_000_000;
                await(sleep(1));
                f.fired(System.nanoTime() - due);
            }
        } finally {
            f.over = true;
            for (Thread t : threads) {
                try {
                    t.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return done();
    }

    /** A 1 ms callLater that schedules the next one, until the flood is over. */
    private static void chain(EventLoop loop, Flood f) {
        long due = System.nanoTime() + 1_000_000;
        loop.callLater(Duration.ofMillis(1), () -> {
            f.fired(System.nanoTime() - due);
            if (!f.over) {
                chain(loop, f);
            }
        });
    }
}
