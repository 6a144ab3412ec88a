package dev.weft.conformance;

import dev.weft.Async;
import dev.weft.Lock;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LockTest extends InterleavingTest {

    /** Yields {@code before} times, asks for the lock, holds it across one yield, releases it. */
    @Async
    Task<Void> holdsInTurn(Lock lock, int before, int asks, int holds) {
        await(yields(before));
        steps.expect(asks, "asks");
        await(lock.acquire());
        try {
            steps.expect(holds, "holds");
            await(sleep(0));
        } finally {
            lock.release();
        }
        return done();
    }

    /** Asks for the lock and must be cancelled before it can use it. */
    @Async
    Task<Void> cancelledWaiting(Lock lock, int asks, int cancelled) {
        steps.expect(asks, "asks");
        try {
            await(lock.acquire());
            throw steps.unreachable("the cancelled task resumed with the lock");
        } catch (CancellationException e) {
            steps.expect(cancelled, "cancelled");
            throw e;
        }
    }

    // ---- fast path ------------------------------------------------------------------------------------------------

    @Async
    Task<Void> acquiresAFreeLock() {
        Lock lock = new Lock();
        Task<Void> other = createTask(records(3, "other task"));
        steps.expect(1);
        Task<Void> acquired = lock.acquire();
        assertTrue(acquired.isDone());
        await(acquired);
        steps.expect(2, "holds the lock; the other task has not run");
        assertTrue(lock.isLocked());
        lock.release();
        assertFalse(lock.isLocked());
        await(other);
        return done();
    }

    @Test
    void acquiringAFreeLockDoesNotSuspend() {
        run(acquiresAFreeLock());
        steps.finish(3);
    }

    // ---- fairness -------------------------------------------------------------------------------------------------

    @Async
    Task<Void> servesInAskingOrder() {
        Lock lock = new Lock();
        await(lock.acquire());
        steps.expect(1, "main holds");
        // Created A, B, C; they ask B, C, A.
        Task<Void> a = createTask(holdsInTurn(lock, 2, 4, 8));
        Task<Void> b = createTask(holdsInTurn(lock, 0, 2, 6));
        Task<Void> c = createTask(holdsInTurn(lock, 1, 3, 7));
        await(yields(4));
        steps.expect(5, "main releases");
        lock.release();
        await(gather(a, b, c));
        steps.expect(9);
        assertFalse(lock.isLocked());
        return done();
    }

    @Test
    void waitingTasksGetTheLockInTheOrderTheyAsked() {
        run(servesInAskingOrder());
        steps.finish(9);
    }

    @Async
    Task<Void> releasesThenAsksAgain() {
        Lock lock = new Lock();
        await(lock.acquire());
        Task<Void> waiter = createTask(holdsInTurn(lock, 0, 1, 3));
        await(sleep(0));
        steps.expect(2, "release and ask again at once");
        lock.release();
        assertTrue(lock.isLocked(), "the lock belongs to the waiter now");
        Task<Void> again = lock.acquire();
        assertFalse(again.isDone());
        await(again);
        steps.expect(4, "main holds again, after the waiter");
        lock.release();
        await(waiter);
        assertFalse(lock.isLocked());
        return done();
    }

    @Test
    void aReleasedLockGoesToTheWaiterNotToATaskAskingAgainBeforeTheWaiterResumes() {
        run(releasesThenAsksAgain());
        steps.finish(4);
    }

    @Async
    Task<Void> excludes(Lock lock, int[] inside, int[] entries) {
        for (int i = 0; i < 5; i++) {
            await(lock.acquire());
            try {
                inside[0]++;
                assertEquals(1, inside[0], "two tasks inside the critical section");
                entries[0]++;
                await(sleep(0));
                await(sleep(0));
            } finally {
                inside[0]--;
                lock.release();
            }
        }
        return done();
    }

    @Async
    Task<Void> fourTasksShareALock() {
        Lock lock = new Lock();
        int[] inside = {0};
        int[] entries = {0};
        await(gather(excludes(lock, inside, entries), excludes(lock, inside, entries),
                excludes(lock, inside, entries), excludes(lock, inside, entries)));
        assertEquals(20, entries[0]);
        assertFalse(lock.isLocked());
        return done();
    }

    @Test
    void aCriticalSectionThatAwaitsHoldsOneTaskAtATime() {
        run(fourTasksShareALock());
    }

    // ---- cancellation ---------------------------------------------------------------------------------------------

    @Async
    Task<Void> cancelsAWaiter() {
        Lock lock = new Lock();
        await(lock.acquire());
        Task<Void> first = createTask(cancelledWaiting(lock, 1, 4));
        Task<Void> second = createTask(holdsInTurn(lock, 0, 2, 6));
        await(sleep(0));
        steps.expect(3, "cancel the first waiter");
        assertTrue(first.cancel());
        try {
            await(first);
            throw steps.unreachable("the cancelled waiter completed");
        } catch (CancellationException e) {
            steps.expect(5, "release");
        }
        assertTrue(first.isCancelled());
        lock.release();
        await(second);
        steps.expect(7);
        assertFalse(lock.isLocked(), "a permit leaked");
        return done();
    }

    @Test
    void aWaiterCancelledWhileWaitingLeavesTheQueueAndTheNextIsServed() {
        run(cancelsAWaiter());
        steps.finish(7);
    }

    @Async
    Task<Void> cancelsAfterTheGrant() {
        Lock lock = new Lock();
        await(lock.acquire());
        Task<Void> first = createTask(cancelledWaiting(lock, 1, 4));
        Task<Void> second = createTask(holdsInTurn(lock, 0, 2, 5));
        await(sleep(0));
        steps.expect(3, "release to the first waiter, then cancel it before it resumes");
        lock.release();
        assertTrue(first.cancel());
        assertTrue(lock.isLocked());
        await(cancelledAsExpected(first));
        await(second);
        steps.expect(6);
        assertTrue(first.isCancelled());
        assertFalse(lock.isLocked(), "a permit leaked");
        return done();
    }

    @Test
    void aWaiterCancelledAfterTheLockPassedToItPassesItToTheNextWaiter() {
        run(cancelsAfterTheGrant());
        steps.finish(6);
    }

    @Async
    Task<Void> cancelsTheOnlyWaiterAfterTheGrant() {
        Lock lock = new Lock();
        await(lock.acquire());
        Task<Void> waiter = createTask(cancelledWaiting(lock, 1, 3));
        await(sleep(0));
        steps.expect(2, "release, then cancel");
        lock.release();
        waiter.cancel();
        await(cancelledAsExpected(waiter));
        steps.expect(4);
        assertFalse(lock.isLocked(), "the abandoned grant kept the lock locked");
        Task<Void> acquired = lock.acquire();
        assertTrue(acquired.isDone());
        lock.release();
        return done();
    }

    @Test
    void aGrantAbandonedWithNoOneBehindLeavesTheLockFree() {
        run(cancelsTheOnlyWaiterAfterTheGrant());
        steps.finish(4);
    }

    /** The await of the lock sits one coroutine deeper than the task that is cancelled. */
    @Async
    Task<Void> nestedWaiter(Lock lock, int asks, int cancelled) {
        try {
            await(cancelledWaiting(lock, asks, cancelled));
        } finally {
            steps.expect(cancelled + 1, "outer coroutine unwinds");
        }
        return done();
    }

    @Async
    Task<Void> cancelsANestedWaiterAfterTheGrant() {
        Lock lock = new Lock();
        await(lock.acquire());
        Task<Void> first = createTask(nestedWaiter(lock, 1, 4));
        Task<Void> second = createTask(holdsInTurn(lock, 0, 2, 6));
        await(sleep(0));
        steps.expect(3, "release, then cancel the outer task");
        lock.release();
        first.cancel();
        await(cancelledAsExpected(first));
        await(second);
        steps.expect(7);
        assertTrue(first.isCancelled());
        assertFalse(lock.isLocked());
        return done();
    }

    @Test
    void aGrantAbandonedByANestedAwaitIsPassedOnToo() {
        run(cancelsANestedWaiterAfterTheGrant());
        steps.finish(7);
    }

    // ---- misuse ---------------------------------------------------------------------------------------------------

    @Test
    void releasingAnUnlockedLockThrows() {
        Lock lock = new Lock();
        assertThrows(IllegalStateException.class, lock::release);
        assertFalse(lock.isLocked());
    }
}
