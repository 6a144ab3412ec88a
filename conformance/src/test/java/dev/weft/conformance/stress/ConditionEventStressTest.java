package dev.weft.conformance.stress;

import dev.weft.Async;
import dev.weft.AsyncTimeoutException;
import dev.weft.Condition;
import dev.weft.Event;
import dev.weft.Task;
import dev.weft.conformance.stress.Scenario.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.weft.Weft.*;

/**
 * Condition and Event under contention.
 *
 * <p>Condition: producers take the condition's lock (through any {@link Via}), add tokens and signal; consumers take
 * the lock and wait for a token with {@code waitSignal} or {@code waitUntil}, through a way that waits for the wait to
 * finish cancelling ({@link Via#waiting}), then take one. The task that signals cancels the waiter it just signalled
 * now and then. Checked: one holder of the lock at a time; a wait that ends, however (value, cancellation, timeout),
 * ends with the lock held again, as in asyncio; tokens are conserved; and no signal is lost: once the producers are
 * done, no consumer is left waiting while tokens remain (asyncio 3.13: a notified waiter that is cancelled instead
 * notifies the next one).
 *
 * <p>Event: setters set and clear the event; waiters wait through any way. A wait that returns true began while the
 * event was set or saw a {@code set()} after it began; at the end one last {@code set()} must release every waiter.
 */
class ConditionEventStressTest {
    private static final long[] CI_SEEDS = {1, 2, 3};
    private static final int PRODUCER = 0;
    private static final int CONSUMER = 1;

    /** The condition, its tokens, and who holds its lock as far as the workers know. */
    static final class Tokens {
        final Condition cond = new Condition();
        final ArrayDeque<Worker> lockOrder = new ArrayDeque<>();
        final ArrayDeque<Worker> waitOrder = new ArrayDeque<>();
        int tokens;
        int produced;
        int consumed;
        boolean closed;
        Worker owner;

        void enter(Scenario s, Worker w, String how) {
            if (owner != null || !cond.isLocked()) {
                s.violation(w + " holds the condition's lock " + how + ", but " + (owner != null ? owner
                        + " holds it too" : "the lock is not locked"));
            }
            owner = w;
        }

        void leave(Worker w) {
            if (owner == w) {
                owner = null;
            }
        }
    }

    @Test
    @Timeout(value = 24, unit = TimeUnit.HOURS)   // bounded per seed by Stress; a soak may run for hours
    void conditionWaitsEndHoldingTheLockAndLoseNoSignal(TestInfo info) {
        Stress.forEachSeed(info, CI_SEEDS, run -> {
            Scenario s = new Scenario(run.seed);
            Tokens t = new Tokens();
            int producers = Stress.soaking() ? 4000 + s.rnd.nextInt(4000) : 2000;
            run.runVirtual(superviseCondition(s, t, producers));
            List<String> problems = new ArrayList<>(s.violations());
            run.reports.forEach(r -> problems.add("the loop reported: " + r));
            Stress.assertNone(problems, t.produced + " tokens produced, " + t.consumed + " consumed, "
                    + s.summary());
        });
    }

    @Async
    Task<Void> superviseCondition(Scenario s, Tokens t, int producers) {
        Task<Void> chaos = createTask(s.chaos(producers / 4));
        int producerCap = 2 + s.rnd.nextInt(10);
        int consumerCap = 2 + s.rnd.nextInt(30);
        while (s.spawned(PRODUCER) < producers || s.alive(PRODUCER) > 0) {
            boolean spawned = false;
            if (s.spawned(PRODUCER) < producers && s.alive(PRODUCER) < producerCap) {
                s.spawnBatch(1 + s.rnd.nextInt(3), PRODUCER, w -> producer(s, t, w));
                spawned = true;
            }
            if (s.alive(CONSUMER) < consumerCap && s.spawned(CONSUMER) < producers * 3) {
                s.spawnBatch(1 + s.rnd.nextInt(3), CONSUMER, w -> consumer(s, t, w));
                spawned = true;
            }
            if (!spawned && !await(s.awaitProgress("producers and consumers were at their caps"))) {
                break;
            }
            await(sleep(s.rnd.nextInt(2)));
        }
        chaos.cancel();
        await(gatherOutcomes(chaos));
        // Quiet now: every consumer that was signalled has had time to act. One still waiting with tokens left
        // means a signal went to a waiter that did not use it and did not pass it on.
        await(sleep(1000));
        if (t.tokens > 0 && !t.waitOrder.isEmpty()) {
            s.violation("a signal was lost: " + t.tokens + " tokens left while " + t.waitOrder.size()
                    + " consumers still wait for a signal, e.g. " + t.waitOrder.peek());
        }
        try {
            await(waitFor(t.cond.acquire(), Duration.ofHours(1)));
            t.closed = true;
            t.cond.signalAll();
            t.cond.release();
        } catch (AsyncTimeoutException e) {
            s.violation("the condition's lock never came free once the producers were done: it was lost, or is"
                    + " held by a task that does not run (" + t.cond.isLocked() + ")");
            s.cancelAlive();
        }
        s.spawningDone();
        await(s.awaitAllWorkers("the condition was closed"));
        if (t.produced != t.consumed + t.tokens) {
            s.violation(t.produced + " tokens produced but " + t.consumed + " consumed and " + t.tokens + " left");
        }
        if (t.cond.isLocked() || !t.cond.acquire().isDone()) {
            s.violation("the condition's lock is still held or awaited at the end");
        } else {
            t.cond.release();
        }
        await(s.finish(currentTask()));
        return done();
    }

    @Async
    Task<Void> producer(Scenario s, Tokens t, Worker w) {
        int ops = 1 + w.rnd.nextInt(4);
        for (int i = 0; i < ops; i++) {
            if (!await(acquire(s, t, w))) {
                continue;
            }
            t.enter(s, w, "to signal");
            try {
                int n = 1 + w.rnd.nextInt(3);
                t.tokens += n;
                t.produced += n;
                if (w.rnd.nextInt(4) == 0) {
                    t.cond.signalAll();
                } else {
                    t.cond.signal(n);
                }
                s.cancelGranted(t.waitOrder, w.rnd, 30, false);   // a waiter signalled, not yet holding the lock
                if (w.rnd.nextInt(3) == 0) {
                    await(sleep(w.rnd.nextInt(2)));
                }
            } finally {
                t.leave(w);
                t.cond.release();
            }
            await(sleep(w.rnd.nextInt(3)));
        }
        w.doing = "done";
        return done();
    }

    @Async
    Task<Void> consumer(Scenario s, Tokens t, Worker w) {
        int ops = 1 + w.rnd.nextInt(5);
        for (int i = 0; i < ops && !t.closed; i++) {
            if (!await(acquire(s, t, w))) {
                continue;
            }
            t.enter(s, w, "to wait");
            try {
                while (t.tokens == 0 && !t.closed) {
                    Via via = Via.waiting(w.rnd);
                    Task<Boolean> wait = w.rnd.nextBoolean() ? t.cond.waitSignal()
                            : t.cond.waitUntil(() -> t.tokens > 0 || t.closed);
                    t.leave(w);   // waiting released the lock
                    s.waiting(w, wait, t.waitOrder, "waiting for a signal through " + via);
                    try {
                        await(Through.via(via, wait, LockStressTest.timeoutMillis(w), unused -> { }));
                    } catch (AsyncTimeoutException e) {
                        s.timeouts++;
                    } finally {
                        s.resumed(w);
                        t.enter(s, w, "after its wait through " + via + " ended");
                    }
                }
                if (t.tokens > 0) {
                    t.tokens--;
                    t.consumed++;
                }
                s.maybeFail(w, 1);
            } finally {
                t.leave(w);
                t.cond.release();
            }
            await(sleep(w.rnd.nextInt(3)));
        }
        w.doing = "done";
        return done();
    }

    /** Takes the condition's lock through a random way; false if that timed out. */
    @Async
    Task<Boolean> acquire(Scenario s, Tokens t, Worker w) {
        Via via = Via.any(w.rnd);
        Task<Void> op = t.cond.acquire();
        s.waiting(w, op, t.lockOrder, "acquiring the condition's lock through " + via);
        try {
            await(Through.via(via, op, LockStressTest.timeoutMillis(w), granted -> t.cond.release()));
            return done(true);
        } catch (AsyncTimeoutException e) {
            s.timeouts++;
            return done(false);
        } finally {
            s.resumed(w);
        }
    }

    // ---- Event ------------------------------------------------------------------------------------------------------

    /** The event and how many times it was set. */
    static final class Flag {
        final Event event = new Event();
        final ArrayDeque<Worker> order = new ArrayDeque<>();
        int sets;
    }

    @Test
    @Timeout(value = 24, unit = TimeUnit.HOURS)
    void eventWaitersWakeOnlyAfterASetAndNoneIsLeftBehind(TestInfo info) {
        Stress.forEachSeed(info, CI_SEEDS, run -> {
            Scenario s = new Scenario(run.seed);
            Flag f = new Flag();
            int waiters = Stress.soaking() ? 12000 + s.rnd.nextInt(12000) : 4000;
            run.runVirtual(superviseEvent(s, f, waiters));
            List<String> problems = new ArrayList<>(s.violations());
            run.reports.forEach(r -> problems.add("the loop reported: " + r));
            Stress.assertNone(problems, f.sets + " sets, " + s.summary());
        });
    }

    @Async
    Task<Void> superviseEvent(Scenario s, Flag f, int waiters) {
        Task<Void> chaos = createTask(s.chaos(waiters / 6));
        Task<Void> setter = createTask(setter(s, f));
        await(s.spawnAll(waiters, 10 + s.rnd.nextInt(80), w -> waiter(s, f, w)));
        s.stopping = true;
        await(setter);
        f.event.set();
        await(s.awaitAllWorkers("the event was set for good"));
        chaos.cancel();
        await(gatherOutcomes(chaos));
        await(s.finish(currentTask()));
        return done();
    }

    @Async
    Task<Void> setter(Scenario s, Flag f) {
        while (!s.stopping) {
            await(sleep(s.rnd.nextInt(4)));
            f.sets++;
            f.event.set();
            s.cancelGranted(f.order, s.rnd, 30, true);   // a waiter just woken, before it resumes
            await(sleep(s.rnd.nextInt(3)));
            f.event.clear();
        }
        return done();
    }

    @Async
    Task<Void> waiter(Scenario s, Flag f, Worker w) {
        int ops = 1 + w.rnd.nextInt(4);
        for (int i = 0; i < ops; i++) {
            Via via = Via.any(w.rnd);
            int setsBefore = f.sets;
            boolean wasSet = f.event.isSet();
            Task<Boolean> op = f.event.waitSet();
            s.waiting(w, op, f.order, "waiting for the event through " + via);
            try {
                boolean woken = await(Through.via(via, op, LockStressTest.timeoutMillis(w), unused -> { }));
                if (!woken || (!wasSet && f.sets == setsBefore)) {
                    s.violation(w + " returned " + woken + " from waitSet through " + via
                            + " though the event was not set since it began waiting");
                }
            } catch (AsyncTimeoutException e) {
                s.timeouts++;
            } finally {
                s.resumed(w);
            }
            s.maybeFail(w, 1);
            await(sleep(w.rnd.nextInt(2)));
        }
        w.doing = "done";
        return done();
    }
}
