package dev.weft.conformance;

import dev.weft.Async;
import dev.weft.BoundedSemaphore;
import dev.weft.Semaphore;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SemaphoreTest extends InterleavingTest {

    /** Yields {@code before} times, takes a permit, and keeps it (the test releases it). */
    @Async
    Task<Void> takes(Semaphore sem, int before, int asks, int holds) {
        await(yields(before));
        steps.expect(asks, "asks");
        await(sem.acquire());
        steps.expect(holds, "holds a permit");
        return done();
    }

    /** Takes a permit, holds it across one yield, gives it back. */
    @Async
    Task<Void> usesInTurn(Semaphore sem, int asks, int holds) {
        steps.expect(asks, "asks");
        await(sem.acquire());
        try {
            steps.expect(holds, "holds a permit");
            await(sleep(0));
        } finally {
            sem.release();
        }
        return done();
    }

    @Async
    Task<Void> cancelledWaiting(Semaphore sem, int asks, int cancelled) {
        steps.expect(asks, "asks");
        try {
            await(sem.acquire());
            throw steps.unreachable("the cancelled task resumed with a permit");
        } catch (CancellationException e) {
            steps.expect(cancelled, "cancelled");
            throw e;
        }
    }

    // ---- fast path and accounting ---------------------------------------------------------------------------------

    @Async
    Task<Void> takesFreePermits() {
        Semaphore sem = new Semaphore(2);
        assertFalse(sem.locked());
        Task<Void> other = createTask(records(3, "other task"));
        steps.expect(1);
        await(sem.acquire());
        assertEquals(1, sem.value());
        assertFalse(sem.locked());
        await(sem.acquire());
        steps.expect(2, "two permits taken; the other task has not run");
        assertEquals(0, sem.value());
        assertTrue(sem.locked());
        Task<Void> third = sem.acquire();
        assertFalse(third.isDone());
        sem.release();
        assertEquals(0, sem.value(), "the permit went to the waiting acquire");
        await(third);
        sem.release();
        sem.release();
        assertEquals(2, sem.value());
        await(other);
        return done();
    }

    @Test
    void acquireWithPermitsLeftDoesNotSuspendAndCountsDown() {
        run(takesFreePermits());
        steps.finish(3);
    }

    @Test
    void releaseWithNoWaiterAddsAPermitEvenAboveTheInitialValue() {
        Semaphore sem = new Semaphore(0);
        assertTrue(sem.locked());
        sem.release();
        sem.release();
        assertEquals(2, sem.value());
        assertFalse(sem.locked());
    }

    @Test
    void aNegativeInitialValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
        assertThrows(IllegalArgumentException.class, () -> new BoundedSemaphore(-1));
    }

    // ---- fairness -------------------------------------------------------------------------------------------------

    @Async
    Task<Void> servesInAskingOrder() {
        Semaphore sem = new Semaphore(0);
        // Created A, B, C; they ask B, C, A.
        Task<Void> a = createTask(takes(sem, 2, 3, 7));
        Task<Void> b = createTask(takes(sem, 0, 1, 5));
        Task<Void> c = createTask(takes(sem, 1, 2, 6));
        await(yields(4));
        steps.expect(4, "release two permits");
        sem.release();
        sem.release();
        assertEquals(0, sem.value());
        await(gather(b, c));
        assertFalse(a.isDone());
        assertTrue(sem.locked());
        sem.release();
        await(a);
        steps.expect(8);
        assertEquals(0, sem.value());
        return done();
    }

    @Test
    void waitingTasksGetPermitsInTheOrderTheyAsked() {
        run(servesInAskingOrder());
        steps.finish(8);
    }

    @Async
    Task<Void> releasesThenAsksAgain() {
        Semaphore sem = new Semaphore(1);
        await(sem.acquire());
        Task<Void> waiter = createTask(usesInTurn(sem, 1, 3));
        await(sleep(0));
        steps.expect(2, "release, then ask again at once");
        sem.release();
        Task<Void> again = sem.acquire();
        assertFalse(again.isDone(), "took the permit released to the waiter");
        await(again);
        steps.expect(4, "main holds again, after the waiter");
        sem.release();
        await(waiter);
        assertEquals(1, sem.value());
        return done();
    }

    @Test
    void aReleasedPermitGoesToTheWaiterNotToATaskAskingAgainBeforeTheWaiterResumes() {
        run(releasesThenAsksAgain());
        steps.finish(4);
    }

    // ---- cancellation ---------------------------------------------------------------------------------------------

    @Async
    Task<Void> cancelsAWaiter() {
        Semaphore sem = new Semaphore(0);
        Task<Void> first = createTask(cancelledWaiting(sem, 1, 4));
        Task<Void> second = createTask(takes(sem, 0, 2, 5));
        await(sleep(0));
        steps.expect(3, "cancel the first waiter");
        assertTrue(first.cancel());
        await(cancelledAsExpected(first));
        assertEquals(0, sem.value());
        sem.release();
        await(second);
        steps.expect(6);
        assertEquals(0, sem.value(), "the cancelled waiter took a permit");
        sem.release();
        assertEquals(1, sem.value());
        return done();
    }

    @Test
    void aWaiterCancelledWhileWaitingTakesNoPermitAndTheNextIsServed() {
        run(cancelsAWaiter());
        steps.finish(6);
    }

    @Async
    Task<Void> cancelsAfterTheGrant() {
        Semaphore sem = new Semaphore(1);
        await(sem.acquire());
        Task<Void> first = createTask(cancelledWaiting(sem, 1, 4));
        Task<Void> second = createTask(usesInTurn(sem, 2, 5));
        await(sleep(0));
        steps.expect(3, "release to the first waiter, then cancel it before it resumes");
        sem.release();
        assertTrue(first.cancel());
        assertEquals(0, sem.value());
        await(cancelledAsExpected(first));
        await(second);
        steps.expect(6);
        assertEquals(1, sem.value(), "a permit leaked or was made up");
        return done();
    }

    @Test
    void aWaiterCancelledAfterAPermitPassedToItPassesItToTheNextWaiter() {
        run(cancelsAfterTheGrant());
        steps.finish(6);
    }

    @Async
    Task<Void> cancelsTheOnlyWaiterAfterTheGrant(Semaphore sem) {
        await(sem.acquire());
        Task<Void> waiter = createTask(cancelledWaiting(sem, 1, 3));
        await(sleep(0));
        steps.expect(2, "release, then cancel");
        sem.release();
        waiter.cancel();
        await(cancelledAsExpected(waiter));
        steps.expect(4);
        assertEquals(1, sem.value(), "the abandoned permit was not given back");
        assertFalse(sem.locked());
        return done();
    }

    @Test
    void aPermitAbandonedWithNoOneBehindReturnsToTheCount() {
        run(cancelsTheOnlyWaiterAfterTheGrant(new Semaphore(1)));
        steps.finish(4);
    }

    // ---- BoundedSemaphore -----------------------------------------------------------------------------------------

    @Test
    void aBoundedSemaphoreRefusesAReleaseAboveItsInitialValue() {
        BoundedSemaphore sem = new BoundedSemaphore(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, sem::release);
        assertTrue(e.getMessage().contains("released too many times"), e.getMessage());
        assertEquals(2, sem.value());
    }

    @Async
    Task<Void> usesABoundedSemaphore() {
        BoundedSemaphore sem = new BoundedSemaphore(1);
        await(sem.acquire());
        assertTrue(sem.locked());
        Task<Void> waiter = createTask(takes(sem, 0, 1, 3));
        await(sleep(0));
        steps.expect(2, "release to the waiter: allowed");
        sem.release();
        await(waiter);
        assertEquals(0, sem.value());
        sem.release();
        assertEquals(1, sem.value());
        assertThrows(IllegalStateException.class, sem::release);
        assertEquals(1, sem.value());
        return done();
    }

    @Test
    void aBoundedSemaphoreReleasesToWaitersAndBackUpToItsBound() {
        run(usesABoundedSemaphore());
        steps.finish(3);
    }

    @Test
    void aPermitAbandonedToABoundedSemaphoreDoesNotRaiseItAboveItsBound() {
        BoundedSemaphore sem = new BoundedSemaphore(1);
        run(cancelsTheOnlyWaiterAfterTheGrant(sem));
        steps.finish(4);
        assertThrows(IllegalStateException.class, sem::release);
        assertEquals(1, sem.value());
    }
}
