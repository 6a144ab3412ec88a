package dev.weft.conformance.stress;

import dev.weft.Async;
import dev.weft.AsyncTimeoutException;
import dev.weft.BoundedSemaphore;
import dev.weft.Lock;
import dev.weft.Semaphore;
import dev.weft.Task;
import dev.weft.conformance.stress.Scenario.Worker;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.weft.Weft.*;

/**
 * Lock, Semaphore and BoundedSemaphore under contention: thousands of short-lived workers take the primitive, hold it
 * across awaits, and give it back in {@code finally}, each acquisition awaited through a random {@link Via}, while
 * the chaos cancels them, timeouts expire, critical sections throw, and the task that releases cancels the task it
 * just handed the primitive to. At every entry: no more holders than permits. At the end: the lock is free with no
 * waiter, every permit is back, every failure was observed once, nothing is left on the loop.
 *
 * <p>The run is on a virtual-time loop: holding times and timeouts are a few milliseconds of virtual time, so timers
 * often fire at the same instant as grants, and the whole run takes no real time beyond the computation.
 */
class LockStressTest {
    private static final long[] CI_SEEDS = {1, 2, 3, 4};

    enum Kind { LOCK, SEMAPHORE, BOUNDED_SEMAPHORE }

    /** The primitive under test, as one shape: acquire, release, how many may hold it, and its state at the end. */
    static final class Guard {
        final Kind kind;
        final int permits;
        final Lock lock;
        final Semaphore semaphore;
        /** Workers that asked and wait, in the order the primitive serves them. */
        final ArrayDeque<Worker> order = new ArrayDeque<>();
        int holders;
        int entries;

        Guard(Kind kind, int permits) {
            this.kind = kind;
            this.permits = kind == Kind.LOCK ? 1 : permits;
            this.lock = kind == Kind.LOCK ? new Lock() : null;
            this.semaphore = kind == Kind.LOCK ? null
                    : kind == Kind.SEMAPHORE ? new Semaphore(permits) : new BoundedSemaphore(permits);
        }

        Task<Void> acquire() {
            return lock != null ? lock.acquire() : semaphore.acquire();
        }

        void release() {
            if (lock != null) {
                lock.release();
            } else {
                semaphore.release();
            }
        }

        /** The state at the end, as the broken invariants it shows. */
        List<String> problemsAtTheEnd() {
            List<String> problems = new ArrayList<>();
            if (holders != 0) {
                problems.add(holders + " workers still count as holders");
            }
            if (lock != null) {
                if (lock.isLocked()) {
                    problems.add("the lock is still locked with no holder: a grant was lost (" + lock + ")");
                } else if (!lock.acquire().isDone()) {
                    problems.add("the lock is free but a waiter is still queued in it");
                } else {
                    lock.release();
                }
            } else {
                if (semaphore.value() != permits) {
                    problems.add(kind + " value is " + semaphore.value() + ", not its initial " + permits
                            + ": " + (semaphore.value() < permits ? "a permit was lost" : "a permit was added"));
                } else if (semaphore.locked()) {
                    problems.add(kind + " has every permit back but still has a waiter");
                }
            }
            return problems;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    @Timeout(value = 24, unit = TimeUnit.HOURS)   // bounded per seed by Stress; a soak may run for hours
    void contendedAcquisitionsThroughEveryWrapperLoseNoPermit(Kind kind, TestInfo info) {
        Stress.forEachSeed(info, CI_SEEDS, run -> {
            Scenario s = new Scenario(run.seed);
            Guard g = new Guard(kind, 1 + s.rnd.nextInt(3));
            int workers = Stress.soaking() ? 12000 + s.rnd.nextInt(12000) : 5000;
            run.runVirtual(supervise(s, g, workers));
            List<String> problems = new ArrayList<>(s.violations());
            run.reports.forEach(r -> problems.add("the loop reported: " + r));
            Stress.assertNone(problems, kind + " with " + g.permits + " permits, " + g.entries + " entries, "
                    + s.summary());
        });
    }

    @Async
    Task<Void> supervise(Scenario s, Guard g, int workers) {
        Task<Void> chaos = createTask(s.chaos(workers / 6));
        Task<Void> spawner = createTask(s.spawnAll(workers, 12 + s.rnd.nextInt(60), w -> worker(s, g, w)));
        await(spawner);
        await(s.awaitAllWorkers("the last worker was spawned"));
        chaos.cancel();
        await(gatherOutcomes(chaos));
        for (String problem : g.problemsAtTheEnd()) {
            s.violation(problem);
        }
        await(s.finish(currentTask()));
        return done();
    }

    /** A careful user: acquire through a random wrapper, hold across awaits, release in finally. */
    @Async
    Task<Void> worker(Scenario s, Guard g, Worker w) {
        int ops = 1 + w.rnd.nextInt(4);
        for (int i = 0; i < ops; i++) {
            Via via = Via.any(w.rnd);
            Task<Void> op = g.acquire();
            s.waiting(w, op, g.order, "acquiring through " + via);
            try {
                await(Through.via(via, op, timeoutMillis(w), granted -> g.release()));
            } catch (AsyncTimeoutException e) {
                s.timeouts++;
                continue;
            } finally {
                s.resumed(w);
            }
            enter(s, g, w, via);
            try {
                if (w.rnd.nextBoolean()) {
                    await(sleep(w.rnd.nextInt(3)));
                }
                s.maybeFail(w, 2);
            } finally {
                g.holders--;
                g.release();
                s.cancelGranted(g.order, w.rnd, 40, true);   // cancel whoever it just went to, before it resumes
            }
            if (w.rnd.nextInt(3) == 0) {
                await(sleep(w.rnd.nextInt(2)));
            }
        }
        w.doing = "done";
        return done();
    }

    private static void enter(Scenario s, Guard g, Worker w, Via via) {
        g.holders++;
        g.entries++;
        w.doing = "holding (acquired through " + via + ")";
        if (g.holders > g.permits) {
            s.violation(w + " entered with " + g.holders + " holders, more than the " + g.permits + " permits of the "
                    + g.kind);
        }
    }

    /** Short enough to expire often while others hold the primitive, sometimes none at all. */
    static long timeoutMillis(Worker w) {
        return w.rnd.nextInt(8) == 0 ? -1 : w.rnd.nextInt(25);
    }
}
