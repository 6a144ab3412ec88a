package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.Event;
import dev.weft.EventLoop;
import dev.weft.Lock;
import dev.weft.Task;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Port of CPython's {@code test_locks.LockTests}. */
class LocksLockTests extends AsyncioTestCase {

    /** How many tasks wait for {@code lock}, as its {@code toString()} tells (asyncio's {@code len(lock._waiters)}). */
    static int waiters(Lock lock) {
        String s = lock.toString();
        int at = s.indexOf("waiters=");
        return Integer.parseInt(s.substring(at + "waiters=".length(), s.indexOf(']', at)));
    }

    /** A task that asks for the lock when it first runs: asyncio's {@code create_task(lock.acquire())}. */
    @Async
    static Task<Void> acquireOf(Lock lock) {
        await(lock.acquire());
        return done();
    }

    // ---- test_repr ------------------------------------------------------------------------------------------------

    @Async
    Task<Void> repr() {
        Lock lock = new Lock();
        assertTrue(lock.toString().contains("[unlocked"), lock.toString());
        await(lock.acquire());
        assertTrue(lock.toString().contains("[locked"), lock.toString());
        return done();
    }

    /** Adapted: toString() names the state where asyncio's repr ends in [unlocked] / [locked]. */
    @Test
    void test_repr() {
        runVirtual(repr());
    }

    // ---- test_acquire ---------------------------------------------------------------------------------------------

    @Async
    Task<Boolean> appendsAfterAcquire(Lock lock, int n) {
        await(lock.acquire());
        events.add(n);
        return done(true);
    }

    @Async
    Task<Void> acquire() {
        Lock lock = new Lock();
        assertNull(await(lock.acquire()));
        Task<Boolean> t1 = createTask(appendsAfterAcquire(lock, 1));
        Task<Boolean> t2 = createTask(appendsAfterAcquire(lock, 2));

        await(sleep(0));
        assertEquals(List.of(), events);

        lock.release();
        await(sleep(0));
        assertEquals(List.of(1), events);

        await(sleep(0));
        assertEquals(List.of(1), events);

        Task<Boolean> t3 = createTask(appendsAfterAcquire(lock, 3));

        lock.release();
        await(sleep(0));
        assertEquals(List.of(1, 2), events);

        lock.release();
        await(sleep(0));
        assertEquals(List.of(1, 2, 3), events);

        assertTrue(t1.isDone());
        assertTrue(t1.result());
        assertTrue(t2.isDone());
        assertTrue(t2.result());
        assertTrue(t3.isDone());
        assertTrue(t3.result());
        return done();
    }

    @Test
    void test_acquire() {
        runVirtual(acquire());
    }

    // ---- test_acquire_cancel --------------------------------------------------------------------------------------

    @Async
    Task<Void> acquireCancel() {
        Lock lock = new Lock();
        await(lock.acquire());

        Task<Void> task = createTask(acquireOf(lock));
        EventLoop.current().callSoon(task::cancel);
        try {
            await(task);
            throw new AssertionError("the acquisition was not cancelled");
        } catch (CancellationException expected) {
            // the cancelled acquisition ends cancelled
        }
        assertEquals(0, waiters(lock));
        return done();
    }

    @Test
    void test_acquire_cancel() {
        runVirtual(acquireCancel());
    }

    // ---- test_cancel_race -----------------------------------------------------------------------------------------

    /** Takes the lock, waits for {@code blocker} (if any) holding it, releases it. */
    @Async
    static Task<Void> lockit(Lock lock, Event blocker) {
        await(lock.acquire());
        try {
            if (blocker != null) {
                await(blocker.waitSet());
            }
        } finally {
            lock.release();
        }
        return done();
    }

    @Async
    Task<Void> cancelRace() {
        Lock lock = new Lock();
        Event fa = new Event();
        Task<Void> ta = createTask(lockit(lock, fa));
        await(sleep(0));
        assertTrue(lock.isLocked());
        Task<Void> tb = createTask(lockit(lock, null));
        await(sleep(0));
        assertEquals(1, waiters(lock));
        Task<Void> tc = createTask(lockit(lock, null));
        await(sleep(0));
        assertEquals(2, waiters(lock));

        // A may go on and B is cancelled in the same turn: the lock must pass over B to C.
        fa.set();
        tb.cancel();
        await(sleep(0));
        assertFalse(lock.isLocked());
        assertTrue(ta.isDone());
        assertTrue(tb.isCancelled());
        await(tc);
        return done();
    }

    /** Adapted: an Event stands for the Future A blocks on (no loop.createFuture() yet). */
    @Disabled("difference, by design: release() hands the lock straight to C, so isLocked() is true before C runs"
            + " (asyncio: false); the hand-off is what keeps a granted lock from being lost or stolen")
    @Test
    void test_cancel_race() {
        runVirtual(cancelRace());
    }

    // ---- test_cancel_release_race ---------------------------------------------------------------------------------

    @Async
    Task<Void> cancelReleaseRace() {
        EventLoop loop = EventLoop.current();
        Lock lock = new Lock();
        int[] lockCount = {0};
        int[] callCount = {0};
        java.util.function.Supplier<Task<Void>> lockit = () -> {
            callCount[0]++;
            await(lock.acquire());
            lockCount[0]++;
            return done();
        };

        await(lock.acquire());

        Task<Void> t1 = createTask(lockit.get());
        Task<Void> t2 = createTask(lockit.get());
        Task<Void> t3 = createTask(lockit.get());

        await(sleep(0));

        loop.callSoon(() -> {
            t1.cancel();
            lock.release();
        });
        try {
            await(t1);
            throw new AssertionError("t1 was not cancelled");
        } catch (CancellationException expected) {
            // t1 ends cancelled
        }

        assertEquals(1, lockCount[0]);
        assertEquals(3, callCount[0]);
        assertTrue(t1.isCancelled() && t2.isDone());

        t3.cancel();
        await(sleep(0));
        assertTrue(t3.isCancelled());
        return done();
    }

    @Test
    void test_cancel_release_race() {
        runVirtual(cancelReleaseRace());
    }

    // ---- test_finished_waiter_cancelled ---------------------------------------------------------------------------

    @Async
    Task<Void> finishedWaiterCancelled() {
        Lock lock = new Lock();
        await(lock.acquire());
        assertTrue(lock.isLocked());

        Task<Void> tb = createTask(acquireOf(lock));
        await(sleep(0));
        assertEquals(1, waiters(lock));

        // A second waiter comes, the first is woken and cancelled: the second must still get the lock.
        Task<Void> tc = createTask(acquireOf(lock));
        tb.cancel();
        lock.release();
        await(sleep(0));

        assertTrue(lock.isLocked());
        assertTrue(tb.isCancelled());

        await(tc);
        return done();
    }

    @Test
    void test_finished_waiter_cancelled() {
        runVirtual(finishedWaiterCancelled());
    }

    // ---- test_release_not_acquired, test_release_no_waiters -------------------------------------------------------

    @Test
    void test_release_not_acquired() {
        Lock lock = new Lock();
        assertThrows(IllegalStateException.class, lock::release);
    }

    @Async
    Task<Void> releaseNoWaiters() {
        Lock lock = new Lock();
        await(lock.acquire());
        assertTrue(lock.isLocked());
        lock.release();
        assertFalse(lock.isLocked());
        return done();
    }

    @Test
    void test_release_no_waiters() {
        runVirtual(releaseNoWaiters());
    }

    // ---- test_context_manager -------------------------------------------------------------------------------------

    @Async
    Task<Void> contextManager() {
        Lock lock = new Lock();
        assertFalse(lock.isLocked());
        await(lock.acquire());
        try {
            assertTrue(lock.isLocked());
        } finally {
            lock.release();
        }
        assertFalse(lock.isLocked());
        return done();
    }

    /** Adapted: {@code async with lock} is Weft's acquire / try / finally release. */
    @Test
    void test_context_manager() {
        runVirtual(contextManager());
    }
}
