package dev.weft.conformance;

import dev.weft.Async;
import dev.weft.Condition;
import dev.weft.Lock;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionTest extends InterleavingTest {

    /** Takes the lock, waits for one signal, then holds the lock across a yield before releasing it. */
    @Async
    Task<Void> waitsForASignal(Condition cond, int before, int waits, int woken) {
        await(yields(before));
        await(cond.acquire());
        try {
            steps.expect(waits, "waits");
            assertTrue(await(cond.waitSignal()));
            steps.expect(woken, "signalled, holding the lock");
            assertTrue(cond.isLocked());
            await(sleep(0));
        } finally {
            cond.release();
        }
        return done();
    }

    /** Waits for a signal and is cancelled; the lock must be held again when the cancellation arrives. */
    @Async
    Task<Void> cancelledWaitingForASignal(Condition cond, boolean[] contenderHasLock, int waits, int cancelled) {
        await(cond.acquire());
        try {
            steps.expect(waits, "waits");
            await(cond.waitSignal());
            throw steps.unreachable("resumed normally");
        } catch (CancellationException e) {
            assertTrue(cond.isLocked(), "cancelled without the lock");
            assertFalse(contenderHasLock[0], "another task holds the lock");
            steps.expect(cancelled, "cancelled, holding the lock");
            throw e;
        } finally {
            cond.release();
        }
    }

    @Async
    Task<Void> cancelledInWaitUntil(Condition cond, BooleanSupplier predicate, int waits, int cancelled) {
        await(cond.acquire());
        try {
            steps.expect(waits, "waits until");
            await(cond.waitUntil(predicate));
            throw steps.unreachable("the predicate held");
        } catch (CancellationException e) {
            assertTrue(cond.isLocked(), "cancelled without the lock");
            steps.expect(cancelled, "cancelled, holding the lock");
            throw e;
        } finally {
            cond.release();
        }
    }

    /** Asks for the lock; records when it gets it. */
    @Async
    Task<Void> contends(Condition cond, boolean[] hasLock, int asks, int holds) {
        steps.expect(asks, "contender asks");
        await(cond.acquire());
        hasLock[0] = true;
        steps.expect(holds, "contender holds");
        hasLock[0] = false;
        cond.release();
        return done();
    }

    // ---- waitSignal -----------------------------------------------------------------------------------------------

    @Async
    Task<Void> releasesWhileWaiting() {
        Condition cond = new Condition();
        Task<Void> waiter = createTask(waitsForASignal(cond, 0, 1, 4));
        await(sleep(0));
        assertFalse(cond.isLocked(), "waitSignal() keeps the lock");
        await(cond.acquire());
        steps.expect(2, "main took the lock the waiter released; signal");
        cond.signal();
        await(yields(3));
        steps.expect(3, "the signalled waiter waits for the lock");
        cond.release();
        await(waiter);
        steps.expect(5);
        assertFalse(cond.isLocked());
        return done();
    }

    @Test
    void waitSignalReleasesTheLockAndTakesItBackBeforeReturning() {
        run(releasesWhileWaiting());
        steps.finish(5);
    }

    @Async
    Task<Void> signalsOneByOne() {
        Condition cond = new Condition();
        // Created A, B, C; they wait B, C, A.
        Task<Void> a = createTask(waitsForASignal(cond, 2, 3, 7));
        Task<Void> b = createTask(waitsForASignal(cond, 0, 1, 5));
        Task<Void> c = createTask(waitsForASignal(cond, 1, 2, 6));
        await(yields(4));
        await(cond.acquire());
        steps.expect(4, "signal once");
        cond.signal();
        cond.release();
        await(b);
        assertFalse(c.isDone());
        await(cond.acquire());
        cond.signal(2);
        cond.release();
        await(gather(a, c));
        steps.expect(8);
        return done();
    }

    @Test
    void signalsWakeWaitersInTheOrderTheyStartedWaiting() {
        run(signalsOneByOne());
        steps.finish(8);
    }

    @Async
    Task<Void> signalsEveryone() {
        Condition cond = new Condition();
        Task<Void> a = createTask(waitsForASignal(cond, 0, 1, 5));
        Task<Void> b = createTask(waitsForASignal(cond, 0, 2, 6));
        Task<Void> c = createTask(waitsForASignal(cond, 0, 3, 7));
        await(sleep(0));
        await(cond.acquire());
        steps.expect(4, "signal all");
        cond.signalAll();
        cond.signal();
        cond.release();
        await(gather(a, b, c));
        steps.expect(8);
        assertFalse(cond.isLocked());
        return done();
    }

    @Test
    void signalAllWakesEveryWaiterEachHoldingTheLockInTurn() {
        run(signalsEveryone());
        steps.finish(8);
    }

    @Async
    Task<Void> sharesALock() {
        Lock lock = new Lock();
        Condition cond = new Condition(lock);
        await(lock.acquire());
        assertTrue(cond.isLocked());
        lock.release();
        assertFalse(cond.isLocked());
        return done();
    }

    @Test
    void aConditionMayShareALockGivenToIt() {
        run(sharesALock());
    }

    // ---- cancellation ---------------------------------------------------------------------------------------------

    @Async
    Task<Void> cancelsASignalWaiter() {
        Condition cond = new Condition();
        boolean[] contenderHasLock = {false};
        Task<Void> waiter = createTask(cancelledWaitingForASignal(cond, contenderHasLock, 1, 5));
        await(sleep(0));
        await(cond.acquire());
        steps.expect(2, "main holds the lock; cancel the waiter");
        assertTrue(waiter.cancel());
        Task<Void> contender = createTask(contends(cond, contenderHasLock, 3, 6));
        await(yields(3));
        steps.expect(4, "the cancelled waiter waits for the lock");
        assertFalse(waiter.isDone());
        cond.release();
        try {
            await(waiter);
            throw steps.unreachable("the waiter completed");
        } catch (CancellationException e) {
            assertTrue(waiter.isCancelled());
        }
        await(contender);
        steps.expect(7);
        assertFalse(cond.isLocked());
        return done();
    }

    @Test
    void aTaskCancelledInWaitSignalTakesTheLockBackBeforeTheCancellationPropagates() {
        run(cancelsASignalWaiter());
        steps.finish(7);
    }

    @Async
    Task<Void> cancelsASignalledWaiter() {
        Condition cond = new Condition();
        boolean[] contenderHasLock = {false};
        Task<Void> waiter = createTask(cancelledWaitingForASignal(cond, contenderHasLock, 1, 4));
        await(sleep(0));
        await(cond.acquire());
        steps.expect(2, "signal, then cancel the signalled waiter");
        cond.signal();
        assertTrue(waiter.cancel());
        Task<Void> contender = createTask(contends(cond, contenderHasLock, 3, 5));
        await(sleep(0));
        cond.release();
        await(cancelledAsExpected(waiter));
        await(contender);
        steps.expect(6);
        assertTrue(waiter.isCancelled());
        assertFalse(cond.isLocked());
        return done();
    }

    @Test
    void aTaskCancelledAfterItWasSignalledStillTakesTheLockBackFirst() {
        run(cancelsASignalledWaiter());
        steps.finish(6);
    }

    @Async
    Task<Void> cancelsTheReceiverOfASignal() {
        Condition cond = new Condition();
        Task<Void> first = createTask(cancelledWaitingForASignal(cond, new boolean[1], 1, 4));
        Task<Void> second = createTask(waitsForASignal(cond, 0, 2, 5));
        await(sleep(0));
        await(cond.acquire());
        steps.expect(3, "one signal, then cancel the task it reached");
        cond.signal();
        first.cancel();
        cond.release();
        await(cancelledAsExpected(first));
        await(second);
        steps.expect(6, "the second waiter got the signal the first could not use");
        return done();
    }

    @Test
    void aSignalReachingACancelledTaskPassesToTheNextWaiter() {
        run(cancelsTheReceiverOfASignal());
        steps.finish(6);
    }

    @Async
    Task<Void> cancelsTheFirstOfTwoWaiters() {
        Condition cond = new Condition();
        Task<Void> first = createTask(cancelledWaitingForASignal(cond, new boolean[1], 1, 3));
        Task<Void> second = createTask(waitsForASignal(cond, 0, 2, 5));
        await(sleep(0));
        first.cancel();
        await(cancelledAsExpected(first));
        await(cond.acquire());
        steps.expect(4, "one signal");
        cond.signal();
        cond.release();
        await(second);
        steps.expect(6);
        return done();
    }

    @Test
    void aWaiterCancelledBeforeASignalLeavesTheQueueAndTheSignalGoesToTheNext() {
        run(cancelsTheFirstOfTwoWaiters());
        steps.finish(6);
    }

    // ---- waitUntil ------------------------------------------------------------------------------------------------

    @Async
    Task<Void> waitsUntilTrue() {
        Condition cond = new Condition();
        Task<Void> other = createTask(records(3, "other task"));
        await(cond.acquire());
        steps.expect(1);
        assertTrue(await(cond.waitUntil(() -> true)));
        steps.expect(2, "returned at once, holding the lock");
        assertTrue(cond.isLocked());
        cond.release();
        await(other);
        return done();
    }

    @Test
    void waitUntilWithATruePredicateReturnsAtOnce() {
        run(waitsUntilTrue());
        steps.finish(3);
    }

    @Async
    Task<Integer> waitsUntilCounted(Condition cond, int[] counter, int[] checks) {
        await(cond.acquire());
        try {
            steps.expect(1, "waits until the counter reaches 3");
            await(cond.waitUntil(() -> {
                assertTrue(cond.isLocked(), "predicate checked without the lock");
                checks[0]++;
                return counter[0] >= 3;
            }));
            steps.expect(5, "the predicate holds");
            return done(counter[0]);
        } finally {
            cond.release();
        }
    }

    @Async
    Task<Void> signalsThreeTimes() {
        Condition cond = new Condition();
        int[] counter = {0};
        int[] checks = {0};
        Task<Integer> waiter = createTask(waitsUntilCounted(cond, counter, checks));
        await(sleep(0));
        assertEquals(1, checks[0], "checked once before waiting");
        for (int i = 1; i <= 3; i++) {
            await(cond.acquire());
            counter[0] = i;
            steps.expect(i + 1, "signal with counter " + i);
            cond.signal();
            cond.release();
            await(yields(4));
            assertEquals(i + 1, checks[0], "checked again after each signal");
        }
        assertEquals(3, await(waiter));
        steps.expect(6);
        return done();
    }

    @Test
    void waitUntilChecksThePredicateAgainAfterEachSignal() {
        run(signalsThreeTimes());
        steps.finish(6);
    }

    @Async
    Task<Void> cancelsAWaitUntil() {
        Condition cond = new Condition();
        Task<Void> waiter = createTask(cancelledInWaitUntil(cond, () -> false, 1, 3));
        await(sleep(0));
        steps.expect(2, "cancel");
        waiter.cancel();
        await(cancelledAsExpected(waiter));
        steps.expect(4);
        assertTrue(waiter.isCancelled());
        assertFalse(cond.isLocked());
        return done();
    }

    @Test
    void aTaskCancelledInWaitUntilTakesTheLockBackAndStops() {
        run(cancelsAWaitUntil());
        steps.finish(4);
    }

    @Async
    Task<Void> cancelsAWaitUntilBetweenSignalAndCheck() {
        Condition cond = new Condition();
        Task<Void> waiter = createTask(cancelledInWaitUntil(cond, () -> false, 1, 3));
        await(sleep(0));
        await(cond.acquire());
        cond.signal();
        cond.release();
        // Next iteration the waiter holds the lock again, signalled; it checks the predicate one iteration later.
        await(sleep(0));
        steps.expect(2, "cancel after the signal, before the predicate is checked again");
        waiter.cancel();
        await(cancelledAsExpected(waiter));
        steps.expect(4);
        assertTrue(waiter.isCancelled());
        assertFalse(cond.isLocked());
        // The cancelled wait left nothing behind in the queue: the next signal reaches the next waiter.
        Task<Void> next = createTask(waitsForASignal(cond, 0, 5, 7));
        await(sleep(0));
        await(cond.acquire());
        steps.expect(6, "signal");
        cond.signal();
        cond.release();
        await(next);
        steps.expect(8);
        return done();
    }

    @Test
    void aTaskCancelledInWaitUntilAfterASignalStillEndsHoldingTheLock() {
        run(cancelsAWaitUntilBetweenSignalAndCheck());
        steps.finish(8);
    }

    // ---- misuse ---------------------------------------------------------------------------------------------------

    @Async
    Task<Void> misuses() {
        Condition cond = new Condition();
        assertThrows(IllegalStateException.class, cond::waitSignal);
        assertThrows(IllegalStateException.class, cond::signal);
        assertThrows(IllegalStateException.class, cond::signalAll);
        assertThrows(IllegalStateException.class, cond::release);
        return done();
    }

    @Test
    void waitingOrSignallingWithoutTheLockThrows() {
        run(misuses());
    }
}
