package dev.weft.conformance.stress;

import dev.weft.Async;
import dev.weft.AsyncTimeoutException;
import dev.weft.Condition;
import dev.weft.LifoQueue;
import dev.weft.PriorityQueue;
import dev.weft.Queue;
import dev.weft.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import static dev.weft.Weft.*;
import static dev.weft.conformance.stress.GrantLossTest.explained;
import static dev.weft.conformance.stress.GrantLossTest.settled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exact cases for queues and conditions, one at a time, each through every {@link Via}:
 *
 * <ul>
 *   <li>an item handed to a getter that is cancelled before it resumes goes back to the front of the queue;</li>
 *   <li>a put let in (its item went into the queue) whose producer is cancelled before it resumes adds nothing: the
 *       item leaves the queue again and the put throws;</li>
 *   <li>a put whose item was already taken when the cancellation came cannot be undone: the put completes, and the
 *       cancellation arrives at the producer's next await;</li>
 *   <li>a condition waiter cancelled once signalled passes the signal on, and ends holding the lock again;</li>
 *   <li>{@code waitUntil} cancelled while it gives the lock up to wait again ends holding the lock, not before.</li>
 * </ul>
 */
class QueueGrantLossTest {

    /** The three orders; in each, the item given back must be the next one taken. */
    enum Kind {
        queue, lifoQueue, priorityQueue;

        Queue<String> make(int maxsize) {
            return this == queue ? new Queue<>(maxsize) : this == lifoQueue ? new LifoQueue<>(maxsize)
                    : new PriorityQueue<>(maxsize, Comparator.comparingInt(String::length));   // "a", "b": equal
        }
    }

    static Stream<Arguments> everyKindAndWay() {
        return Via.withEveryWay(Kind.values());
    }

    static List<String> drain(Queue<String> q) {
        List<String> out = new ArrayList<>();
        while (!q.empty()) {
            out.add(q.getNowait());
        }
        return out;
    }

    // ---- getters ------------------------------------------------------------------------------------------------

    @Async
    Task<String> getsThrough(Queue<String> q, Via via, List<String> kept) {
        Task<String> op = q.get();
        try {
            return done("got " + await(Through.via(via, op, -1, kept::add)));
        } catch (CancellationException e) {
            return done("cancelled");
        }
    }

    @Async
    Task<List<String>> handedThenCancelled(Queue<String> q, Via via, List<String> kept) {
        Task<String> w = createTask(getsThrough(q, via, kept));
        await(sleep(0));
        q.putNowait("a");           // handed to W ...
        q.putNowait("b");
        assertTrue(w.cancel());     // ... which is cancelled before it can resume
        String end = await(settled(w, "the getter")).value();
        List<String> out = new ArrayList<>(List.of(end));
        out.addAll(kept);           // what W kept if a wrapper left the get running (see Through)
        out.addAll(drain(q));
        return done(out);
    }

    @ParameterizedTest(name = "{0}ItemHandedToAGetterCancelledThrough{1}GoesBackToTheFront")
    @MethodSource("everyKindAndWay")
    void itemHandedToAGetterCancelledGoesBackToTheFront(Kind kind, Via via) {
        List<String> out = Stress.runVirtual(handedThenCancelled(kind.make(0), via, new ArrayList<>()));
        assertEquals(List.of("cancelled", "a", "b"), out, "the getter's end, then the items left in the queue "
                + "(\"a\" missing: the item handed to the cancelled getter was lost)");
    }

    // ---- putters -----------------------------------------------------------------------------------------------

    @Async
    Task<String> putsThrough(Queue<String> q, Via via, List<String> log) {
        Task<Void> op = q.put("a");
        try {
            await(Through.via(via, op, -1, in -> log.add("the withdrawn put had gone in")));
        } catch (CancellationException e) {
            return done("put cancelled");
        }
        log.add("put returned");
        try {
            await(sleep(0));
        } catch (CancellationException e) {
            return done("cancelled at the next await");
        }
        return done("not cancelled at all");
    }

    @Async
    Task<List<String>> letInThenCancelled(Queue<String> q, Via via, boolean takenFirst, List<String> log) {
        q.putNowait("x");
        Task<String> w = createTask(putsThrough(q, via, log));
        await(sleep(0));
        assertEquals("x", q.getNowait());   // room: W's put is let in, "a" goes into the queue ...
        q.taskDone();
        if (takenFirst) {
            assertEquals("a", q.getNowait()); // ... and is taken at once
            q.taskDone();
        }
        assertTrue(w.cancel());             // ... then W is cancelled before it can resume
        List<String> out = new ArrayList<>(List.of(await(settled(w, "the producer")).value()));
        out.addAll(drain(q));
        return done(out);
    }

    @ParameterizedTest(name = "queuePutLetInThenCancelledThrough{0}AddsNothing")
    @EnumSource(Via.class)
    void putLetInThenCancelledAddsNothing(Via via) {
        Queue<String> q = new Queue<>(1);
        List<String> log = new ArrayList<>();
        List<String> out = Stress.runVirtual(letInThenCancelled(q, via, false, log));
        assertEquals(List.of("put cancelled"), out, "the producer's end, then the items left in the queue: a put"
                + " that ended in CancellationException must add nothing; " + log);
        assertTrue(q.join().isDone(), "the queue still counts the cancelled put's item: " + q);
    }

    static Stream<Via> waysThatEndAsTheirOperation() {
        // Not gather(put, sibling): cancelling it cancels the sibling, so it must end cancelled (see QueueStressTest).
        return Stream.of(Via.values()).filter(v -> v != Via.GATHER_WITH_SIBLING);
    }

    @ParameterizedTest(name = "queuePutLetInAndTakenThenCancelledThrough{0}CompletesAndIsCancelledAtTheNextAwait")
    @MethodSource("waysThatEndAsTheirOperation")
    void putTakenBeforeTheCancelCompletesAndTheCancelComesAtTheNextAwait(Via via) {
        Queue<String> q = new Queue<>(1);
        List<String> log = new ArrayList<>();
        List<String> out = Stress.runVirtual(letInThenCancelled(q, via, true, log));
        assertEquals(List.of("cancelled at the next await"), out, "the producer's end (its item was taken before"
                + " the cancel came, so the put cannot be undone); " + log);
        assertTrue(q.join().isDone(), "unfinished items counted: " + q);
    }

    // ---- conditions -----------------------------------------------------------------------------------------------

    /** Waits for a signal through {@code via}; however the wait ends, checks the lock is held again, then releases. */
    @Async
    Task<String> waitsThrough(Condition c, Via via, boolean[] othersInside) {
        await(c.acquire());
        String end;
        try {
            await(Through.via(via, c.waitSignal(), -1, unused -> { }));
            end = "signalled";
        } catch (CancellationException | AsyncTimeoutException e) {
            end = "cancelled";
        }
        try {
            if (!c.isLocked() || othersInside[0]) {
                return done(end + " without holding the lock");
            }
            return done(end);
        } finally {
            c.release();
        }
    }

    static Stream<Via> waysThatWaitForTheOperation() {
        return Stream.of(Via.values()).filter(v -> v.waitsForTheOperation);
    }

    @Async
    Task<List<String>> signalledThenCancelled(Condition c, Via via) {
        boolean[] inside = {false};
        Task<String> first = createTask(waitsThrough(c, via, inside));
        Task<String> second = createTask(waitsThrough(c, Via.DIRECT, inside));
        await(sleep(0));
        await(c.acquire());
        c.signal();                  // signals the first ...
        assertTrue(first.cancel());  // ... which is cancelled before it can use the signal
        c.release();
        String firstEnd = await(settled(first, "the cancelled waiter")).value();
        return done(List.of(firstEnd, await(settled(second, "the second waiter (the signal was lost)")).value()));
    }

    @ParameterizedTest(name = "conditionSignalledWaiterCancelledThrough{0}PassesTheSignalOnAndHoldsTheLock")
    @MethodSource("waysThatWaitForTheOperation")
    void signalledWaiterCancelledPassesTheSignalOn(Via via) {
        Condition c = new Condition();
        List<String> ends = explained(() -> Stress.runVirtual(signalledThenCancelled(c, via)), "through " + via
                + ": ");
        assertEquals(List.of("cancelled", "signalled"), ends, "how the cancelled and the second waiter ended");
        assertTrue(!c.isLocked() && c.acquire().isDone(), "the condition's lock is not free at the end");
    }

    @Async
    Task<String> waitsUntil(Condition c, boolean[] xInside) {
        await(c.acquire());
        try {
            await(c.waitUntil(() -> false));
            return done("the predicate held?");
        } catch (CancellationException e) {
            return done(c.isLocked() && !xInside[0] ? "cancelled, holding the lock" : "cancelled while another task"
                    + " held the lock");
        } finally {
            c.release();
        }
    }

    /** X: takes the lock the waiter gives up when it waits again, cancels the waiter, holds the lock a while. */
    @Async
    Task<Void> takesTheLockAndCancels(Condition c, Task<?>[] waiter, boolean[] inside) {
        await(c.acquire());
        try {
            inside[0] = true;
            waiter[0].cancel();
            await(sleep(5));
        } finally {
            inside[0] = false;
            c.release();
        }
        return done();
    }

    @Async
    Task<String> waitUntilCancelledAsItWaitsAgain(Condition c) {
        boolean[] inside = {false};
        Task<?>[] waiter = new Task<?>[1];
        waiter[0] = createTask(waitsUntil(c, inside));
        await(sleep(0));             // the waiter holds the lock, checks the predicate (false) and waits
        await(c.acquire());
        c.signal();                  // it will take the lock back, check again, and give the lock up to wait again
        Task<Void> x = createTask(takesTheLockAndCancels(c, waiter, inside));
        await(sleep(0));             // X asks for the lock after the waiter did
        c.release();
        await(settled(x, "X"));
        return done(String.valueOf(await(settled(waiter[0], "the waiter")).value()));
    }

    @Test
    void conditionWaitUntilCancelledWhileItGivesUpTheLockToWaitAgainEndsHoldingTheLock() {
        Condition c = new Condition();
        assertEquals("cancelled, holding the lock", Stress.runVirtual(waitUntilCancelledAsItWaitsAgain(c)));
        assertTrue(!c.isLocked() && c.acquire().isDone(), "the condition's lock is not free at the end");
    }
}
