package dev.weft.conformance.stress;

import dev.weft.Async;
import dev.weft.AsyncTimeoutException;
import dev.weft.LifoQueue;
import dev.weft.PriorityQueue;
import dev.weft.Queue;
import dev.weft.Task;
import dev.weft.conformance.stress.Scenario.Worker;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import static dev.weft.Weft.*;

/**
 * Queues under contention: producers put items with unique ids and consumers take them, each put and get awaited
 * through a random {@link Via} (or done with {@code putNowait}/{@code getNowait}), while the chaos cancels workers,
 * timeouts expire, and whoever just put or took cancels the worker its operation handed an item or a place to.
 *
 * <p>The books kept for each item: whether its put went in (the await returned) or not (it ended in
 * {@link CancellationException} or {@link AsyncTimeoutException}), and how many consumers received it. At the end,
 * with the items left drained: an item that went in was received exactly once or is still in the queue; an item whose
 * put failed is nowhere (asyncio's rule: a cancelled put adds nothing); {@code join()} is satisfied once every item
 * taken was marked done, so no failed put was counted; and no stale getter or putter is left in the queue.
 */
class QueueStressTest {
    private static final long[] CI_SEEDS = {1, 2, 3};
    private static final int PRODUCER = 0;
    private static final int CONSUMER = 1;

    enum Kind { UNBOUNDED, BOUNDED, LIFO, PRIORITY }

    /** The queue and the books of its items. */
    static final class Books {
        static final byte PUTTING = 0;
        static final byte IN = 1;
        static final byte NOT_IN = 2;
        /**
         * The put was let in, then {@code gather(put, sibling)} was cancelled while the sibling still ran: if a
         * consumer took the item meanwhile, no runtime can take it back, yet the gather ends cancelled. The item may
         * then be out once, or nowhere (the runtime took it back), never twice.
         */
        static final byte MAYBE_IN = 3;

        final Queue<Integer> q;
        final ArrayDeque<Worker> getters = new ArrayDeque<>();
        final ArrayDeque<Worker> putters = new ArrayDeque<>();
        byte[] state = new byte[1024];
        int[] received = new int[1024];
        int items;
        boolean producersDone;

        Books(Kind kind, int maxsize) {
            q = kind == Kind.UNBOUNDED ? new Queue<>() : kind == Kind.BOUNDED ? new Queue<>(maxsize)
                    : kind == Kind.LIFO ? new LifoQueue<>(maxsize) : new PriorityQueue<>(maxsize);
        }

        int newItem() {
            if (items == state.length) {
                state = Arrays.copyOf(state, items * 2);
                received = Arrays.copyOf(received, items * 2);
            }
            return items++;
        }

        void wentIn(Scenario s, int item) {
            if (state[item] != PUTTING) {
                s.violation("item " + item + " went in twice, or after its put failed");
            }
            state[item] = IN;
        }

        void got(Scenario s, Integer item, Worker w) {
            if (item < 0 || item >= items) {
                s.violation(w + " got " + item + ", which no producer put");
                return;
            }
            if (++received[item] > 1) {
                s.violation("item " + item + " was received twice (the second time by " + w + ")");
            }
            q.taskDone();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    @Timeout(value = 24, unit = TimeUnit.HOURS)   // bounded per seed by Stress; a soak may run for hours
    void everyItemPutIsReceivedOnceOrStillQueuedAndACancelledPutAddsNothing(Kind kind, TestInfo info) {
        Stress.forEachSeed(info, CI_SEEDS, run -> {
            Scenario s = new Scenario(run.seed);
            Books b = new Books(kind, 1 + s.rnd.nextInt(4));
            int producers = Stress.soaking() ? 6000 + s.rnd.nextInt(6000) : 3000;
            run.runVirtual(supervise(s, b, producers));
            List<String> problems = new ArrayList<>(s.violations());
            run.reports.forEach(r -> problems.add("the loop reported: " + r));
            Stress.assertNone(problems, kind + " (maxsize " + b.q.maxsize() + "), " + b.items + " items, "
                    + s.summary());
        });
    }

    @Async
    Task<Void> supervise(Scenario s, Books b, int producers) {
        Task<Void> chaos = createTask(s.chaos(producers / 4));
        await(spawn(s, b, producers, 4 + s.rnd.nextInt(30), 4 + s.rnd.nextInt(30)));
        // Consumers still alive wait on an empty queue: cancel them (they must take nothing), unless items are left
        // while they wait, which would be a lost wake-up.
        for (int i = 0; i < 1000 && !b.q.empty() && s.alive(CONSUMER) > 0; i++) {
            await(sleep(1));
        }
        if (!b.q.empty() && s.alive(CONSUMER) > 0) {
            s.violation(b.q.qsize() + " items stay in the queue while " + s.alive(CONSUMER) + " consumers wait: "
                    + s.describeAlive());
        }
        s.stopping = true;
        s.cancelAlive();
        await(s.awaitAllWorkers("the last producer ended"));
        chaos.cancel();
        await(gatherOutcomes(chaos));
        checkTheBooks(s, b);
        await(s.finish(currentTask()));
        return done();
    }

    /** Keeps producers and consumers coming until {@code producers} producers were spawned and have ended. */
    @Async
    Task<Void> spawn(Scenario s, Books b, int producers, int producerCap, int consumerCap) {
        int consumersLeft = producers * 3;   // bounded, in case producers never end: the watchdog then reports
        while (s.spawned(PRODUCER) < producers || s.alive(PRODUCER) > 0) {
            boolean spawned = false;
            if (s.spawned(PRODUCER) < producers && s.alive(PRODUCER) < producerCap) {
                s.spawnBatch(Math.min(producers - s.spawned(PRODUCER), 1 + s.rnd.nextInt(4)), PRODUCER,
                        w -> producer(s, b, w));
                spawned = true;
            }
            if (consumersLeft > 0 && s.alive(CONSUMER) < consumerCap) {
                int n = 1 + s.rnd.nextInt(4);
                consumersLeft -= n;
                s.spawnBatch(n, CONSUMER, w -> consumer(s, b, w));
                spawned = true;
            }
            if (!spawned && !await(s.awaitProgress("producers and consumers were at their caps"))) {
                break;
            }
            if (s.rnd.nextInt(3) == 0) {
                await(sleep(s.rnd.nextInt(2)));
            }
        }
        b.producersDone = true;
        s.spawningDone();
        return done();
    }

    @Async
    Task<Void> producer(Scenario s, Books b, Worker w) {
        int ops = 1 + w.rnd.nextInt(6);
        for (int i = 0; i < ops; i++) {
            int item = b.newItem();
            if (w.rnd.nextInt(6) == 0 && !b.q.full()) {
                b.q.putNowait(item);
                b.wentIn(s, item);
                s.cancelGranted(b.getters, w.rnd, 40, true);   // a getter may have been handed the item
                continue;
            }
            Via via = Via.any(w.rnd);
            Task<Void> op = b.q.put(item);
            s.waiting(w, op, b.putters, "putting " + item + " through " + via);
            try {
                await(Through.via(via, op, LockStressTest.timeoutMillis(w), in -> b.wentIn(s, item)));
                b.wentIn(s, item);
            } catch (CancellationException | AsyncTimeoutException e) {
                if (b.state[item] == Books.PUTTING) {
                    boolean letIn = op.isDone() && !op.isCancelled() && op.exception() == null;
                    // The put failed, so it must have added nothing; but see MAYBE_IN.
                    b.state[item] = via == Via.GATHER_WITH_SIBLING && letIn ? Books.MAYBE_IN : Books.NOT_IN;
                }
                if (e instanceof CancellationException) {
                    throw e;
                }
                s.timeouts++;
            } finally {
                s.resumed(w);
            }
            s.cancelGranted(b.getters, w.rnd, 40, true);
            s.maybeFail(w, 1);
            // A cancel that came after this put's item was taken cannot undo the put: it is delivered at the next
            // await. Make that await one that suspends, so it is not a fast-path put whose item already went in.
            await(sleep(w.rnd.nextInt(2)));
        }
        w.doing = "done";
        return done();
    }

    @Async
    Task<Void> consumer(Scenario s, Books b, Worker w) {
        int ops = 1 + w.rnd.nextInt(8);
        for (int i = 0; i < ops && !s.stopping; i++) {
            if (w.rnd.nextInt(6) == 0 && !b.q.empty()) {
                b.got(s, b.q.getNowait(), w);
                s.cancelGranted(b.putters, w.rnd, 40, true);   // a putter may have been let in
                continue;
            }
            Via via = Via.any(w.rnd);
            Task<Integer> op = b.q.get();
            s.waiting(w, op, b.getters, "getting through " + via);
            Integer item;
            try {
                item = await(Through.via(via, op, LockStressTest.timeoutMillis(w), left -> b.got(s, left, w)));
            } catch (AsyncTimeoutException e) {
                s.timeouts++;
                continue;
            } finally {
                s.resumed(w);
            }
            b.got(s, item, w);
            s.cancelGranted(b.putters, w.rnd, 40, true);
            s.maybeFail(w, 1);
            if (w.rnd.nextBoolean()) {
                await(sleep(w.rnd.nextInt(3)));
            }
        }
        w.doing = "done";
        return done();
    }

    /** Drains what is left and checks every item's fate, the unfinished count, and that no waiter was left behind. */
    private static void checkTheBooks(Scenario s, Books b) {
        int[] left = new int[b.items];
        while (!b.q.empty()) {
            Integer item = b.q.getNowait();
            if (item < 0 || item >= b.items) {
                s.violation("the queue held " + item + ", which no producer put");
                continue;
            }
            left[item]++;
            b.q.taskDone();
        }
        int lost = 0;
        int added = 0;
        for (int item = 0; item < b.items; item++) {
            int seen = b.received[item] + left[item];
            if (b.state[item] == Books.IN && seen != 1) {
                if (seen == 0 && lost++ == 0) {
                    s.violation("item " + item + " went in but was never received nor left in the queue: lost");
                } else if (seen > 1) {
                    s.violation("item " + item + " went in once and came out " + seen + " times");
                }
            } else if (b.state[item] == Books.NOT_IN && seen != 0 && added++ == 0) {
                s.violation("item " + item + ": its put ended in an exception, yet it was "
                        + (left[item] > 0 ? "still in the queue" : "received by a consumer")
                        + " (a cancelled put must add nothing)");
            } else if (b.state[item] == Books.MAYBE_IN && seen > 1) {
                s.violation("item " + item + " came out " + seen + " times");
            } else if (b.state[item] == Books.PUTTING) {
                s.violation("item " + item + ": its put neither went in nor failed");
            }
        }
        if (lost > 1) {
            s.violation(lost + " items lost in all");
        }
        if (added > 1) {
            s.violation(added + " items in all were added by puts that ended in an exception");
        }
        if (!b.q.join().isDone()) {
            s.violation("join() still waits once every item taken was marked done: the queue counted items it does"
                    + " not hold (" + b.q + ")");
        }
        // Stale waiters would take these sentinels: a getter at once, a putter when room is made.
        int room = b.q.maxsize() > 0 ? b.q.maxsize() : 3;
        for (int i = 1; i <= room; i++) {
            b.q.putNowait(-i);
        }
        if (b.q.qsize() != room) {
            s.violation("a getter still waited in the queue after every consumer ended: it took a sentinel");
        }
        for (int i = 1; i <= room; i++) {
            Integer sentinel = b.q.empty() ? null : b.q.getNowait();
            if (sentinel != null && sentinel >= 0) {
                s.violation("a putter still waited in the queue after every producer ended: its item " + sentinel
                        + " came in");
            }
        }
    }
}
