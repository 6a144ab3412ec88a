package dev.weft.conformance.cpython;

import dev.weft.AsyncTimeoutException;
import dev.weft.Async;
import dev.weft.Condition;
import dev.weft.EventLoop;
import dev.weft.Lock;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Port of CPython's {@code test_locks.ConditionTests}. asyncio's {@code wait()}, {@code wait_for(pred)},
 * {@code notify(n)} and {@code notify_all()} are {@link Condition#waitSignal()}, {@link Condition#waitUntil},
 * {@link Condition#signal(int)} and {@link Condition#signalAll()}.
 */
class LocksConditionTests extends AsyncioTestCase {

    /** A task that waits on the condition when it first runs: asyncio's {@code create_task(cond.wait())}. */
    @Async
    static Task<Boolean> waitOf(Condition cond) {
        return done(await(cond.waitSignal()));
    }

    /** Takes the lock, waits for a signal, records {@code n}; never releases the lock. */
    @Async
    Task<Boolean> waitsThenAppends(Condition cond, int n) {
        await(cond.acquire());
        if (await(cond.waitSignal())) {
            events.add(n);
        }
        return done(true);
    }

    /** Takes the lock, waits for a signal, records {@code n} and releases the lock. */
    @Async
    Task<Boolean> waitsAppendsReleases(Condition cond, int n) {
        await(cond.acquire());
        if (await(cond.waitSignal())) {
            events.add(n);
            cond.release();
        }
        return done(true);
    }

    // ---- test_wait ------------------------------------------------------------------------------------------------

    @Async
    Task<Void> waitSignalled() {
        Condition cond = new Condition();
        Task<Boolean> t1 = createTask(waitsThenAppends(cond, 1));
        Task<Boolean> t2 = createTask(waitsThenAppends(cond, 2));
        Task<Boolean> t3 = createTask(waitsThenAppends(cond, 3));

        await(sleep(0));
        assertEquals(List.of(), events);
        assertFalse(cond.isLocked());

        await(cond.acquire());
        cond.signal();
        await(sleep(0));
        assertEquals(List.of(), events);
        assertTrue(cond.isLocked());

        cond.release();
        await(sleep(0));
        assertEquals(List.of(1), events);
        assertTrue(cond.isLocked());

        // The lock is t1's now; signalling only needs it to be held.
        cond.signal(2);
        await(sleep(0));
        assertEquals(List.of(1), events);
        assertTrue(cond.isLocked());

        cond.release();
        await(sleep(0));
        assertEquals(List.of(1, 2), events);
        assertTrue(cond.isLocked());

        cond.release();
        await(sleep(0));
        assertEquals(List.of(1, 2, 3), events);
        assertTrue(cond.isLocked());

        assertTrue(t1.isDone());
        assertTrue(t1.result());
        assertTrue(t2.isDone());
        assertTrue(t2.result());
        assertTrue(t3.isDone());
        assertTrue(t3.result());
        return done();
    }

    /** Adapted: {@code await cond.acquire()} gives no value in Weft, so asyncio's assertTrue on it is left out. */
    @Test
    void test_wait() {
        runVirtual(waitSignalled());
    }

    // ---- test_wait_cancel -----------------------------------------------------------------------------------------

    @Async
    Task<Void> waitCancel() {
        Condition cond = new Condition();
        await(cond.acquire());

        Task<Boolean> wait = createTask(waitOf(cond));
        EventLoop.current().callSoon(wait::cancel);
        try {
            await(wait);
            throw new AssertionError("the wait was not cancelled");
        } catch (CancellationException expected) {
            // the wait ends cancelled
        }
        assertTrue(cond.isLocked());
        return done();
    }

    /** Adapted: asyncio's check that {@code cond._waiters} is empty has no public counterpart and is left out. */
    @Test
    void test_wait_cancel() {
        runVirtual(waitCancel());
    }

    // ---- test_wait_cancel_contested -------------------------------------------------------------------------------

    @Async
    Task<Void> waitCancelContested() {
        Condition cond = new Condition();
        await(cond.acquire());
        assertTrue(cond.isLocked());

        Task<Boolean> waitTask = createTask(waitOf(cond));
        await(sleep(0));
        assertFalse(cond.isLocked());

        // Signal while holding the lock, so the woken waiter has to contest it, then cancel it.
        await(cond.acquire());
        assertTrue(cond.isLocked());
        cond.signal();
        EventLoop.current().callSoon(waitTask::cancel);
        EventLoop.current().callSoon(cond::release);

        try {
            await(waitTask);
        } catch (CancellationException e) {
            // asyncio allows either outcome here
        }
        assertTrue(cond.isLocked());
        return done();
    }

    @Test
    void test_wait_cancel_contested() {
        runVirtual(waitCancelContested());
    }

    // ---- test_wait_cancel_after_notify ----------------------------------------------------------------------------

    @Async
    Task<Void> waitCancelAfterNotify() {
        boolean[] waited = {false};
        Condition cond = new Condition();
        java.util.function.Supplier<Task<Void>> waitOnCond = () -> {
            await(cond.acquire());
            try {
                waited[0] = true;
                await(cond.waitSignal());
            } finally {
                cond.release();
            }
            return done();
        };

        Task<Void> waiter = createTask(waitOnCond.get());
        await(sleep(0));   // it waits

        await(cond.acquire());
        cond.signal();
        await(sleep(0));   // it asks for the lock back
        waiter.cancel();
        await(sleep(0));   // the cancellation reaches it
        cond.release();
        await(sleep(0));   // it ends cancelled

        assertTrue(waiter.isCancelled());
        assertTrue(waited[0]);
        return done();
    }

    @Test
    void test_wait_cancel_after_notify() {
        runVirtual(waitCancelAfterNotify());
    }

    // ---- test_wait_unacquired -------------------------------------------------------------------------------------

    @Async
    Task<Void> waitUnacquired() {
        Condition cond = new Condition();
        assertThrows(IllegalStateException.class, cond::waitSignal);
        return done();
    }

    /** Adapted: asyncio raises at the await; Weft's waitSignal() throws at the call. */
    @Test
    void test_wait_unacquired() {
        runVirtual(waitUnacquired());
    }

    // ---- test_wait_for --------------------------------------------------------------------------------------------

    @Async
    Task<Void> waitForPredicate() {
        Condition cond = new Condition();
        boolean[] presult = {false};

        java.util.function.Supplier<Task<Boolean>> c1 = () -> {
            await(cond.acquire());
            if (await(cond.waitUntil(() -> presult[0]))) {
                events.add(1);
                cond.release();
            }
            return done(true);
        };
        Task<Boolean> t = createTask(c1.get());

        await(sleep(0));
        assertEquals(List.of(), events);

        await(cond.acquire());
        cond.signal();
        cond.release();
        await(sleep(0));
        assertEquals(List.of(), events);

        presult[0] = true;
        await(cond.acquire());
        cond.signal();
        cond.release();
        await(sleep(0));
        assertEquals(List.of(1), events);

        assertTrue(t.isDone());
        assertTrue(t.result());
        return done();
    }

    /** Ported with {@link Condition#waitUntil}: the predicate here is a boolean, so its value is not needed. */
    @Test
    void test_wait_for() {
        runVirtual(waitForPredicate());
    }

    // ---- test_notify ----------------------------------------------------------------------------------------------

    @Async
    Task<Void> notifyN() {
        Condition cond = new Condition();
        Task<Boolean> t1 = createTask(waitsAppendsReleases(cond, 1));
        Task<Boolean> t2 = createTask(waitsAppendsReleases(cond, 2));
        Task<Boolean> t3 = createTask(waitsAppendsReleases(cond, 3));

        await(sleep(0));
        assertEquals(List.of(), events);

        await(cond.acquire());
        cond.signal(1);
        cond.release();
        await(sleep(0));
        assertEquals(List.of(1), events);

        await(cond.acquire());
        cond.signal(1);
        cond.signal(2048);
        cond.release();
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
    void test_notify() {
        runVirtual(notifyN());
    }

    // ---- test_notify_all ------------------------------------------------------------------------------------------

    @Async
    Task<Void> notifiesAll() {
        Condition cond = new Condition();
        Task<Boolean> t1 = createTask(waitsAppendsReleases(cond, 1));
        Task<Boolean> t2 = createTask(waitsAppendsReleases(cond, 2));

        await(sleep(0));
        assertEquals(List.of(), events);

        await(cond.acquire());
        cond.signalAll();
        cond.release();
        await(sleep(0));
        assertEquals(List.of(1, 2), events);

        assertTrue(t1.isDone());
        assertTrue(t1.result());
        assertTrue(t2.isDone());
        assertTrue(t2.result());
        return done();
    }

    @Test
    void test_notify_all() {
        runVirtual(notifiesAll());
    }

    // ---- test_notify_unacquired, test_notify_all_unacquired -------------------------------------------------------

    @Test
    void test_notify_unacquired() {
        Condition cond = new Condition();
        assertThrows(IllegalStateException.class, cond::signal);
    }

    @Test
    void test_notify_all_unacquired() {
        Condition cond = new Condition();
        assertThrows(IllegalStateException.class, cond::signalAll);
    }

    // ---- test_context_manager -------------------------------------------------------------------------------------

    @Async
    Task<Void> contextManager() {
        Condition cond = new Condition();
        assertFalse(cond.isLocked());
        await(cond.acquire());
        try {
            assertTrue(cond.isLocked());
        } finally {
            cond.release();
        }
        assertFalse(cond.isLocked());
        return done();
    }

    /** Adapted: {@code async with cond} is acquire / try / finally release. */
    @Test
    void test_context_manager() {
        runVirtual(contextManager());
    }

    // ---- test_explicit_lock ---------------------------------------------------------------------------------------

    /** Locking through the condition locks the lock, and the other way round. */
    @Async
    Task<Void> sharesItsLock(Lock lock, Condition cond) {
        if (lock == null) {
            lock = new Lock();
        }
        if (cond == null) {
            cond = new Condition(lock);
        }
        assertFalse(lock.isLocked());
        assertFalse(cond.isLocked());
        await(cond.acquire());
        try {
            assertTrue(lock.isLocked());
            assertTrue(cond.isLocked());
        } finally {
            cond.release();
        }
        assertFalse(lock.isLocked());
        assertFalse(cond.isLocked());
        await(lock.acquire());
        try {
            assertTrue(lock.isLocked());
            assertTrue(cond.isLocked());
        } finally {
            lock.release();
        }
        assertFalse(lock.isLocked());
        assertFalse(cond.isLocked());
        return done();
    }

    @Async
    Task<Void> explicitLock() {
        await(sharesItsLock(null, null));
        await(sharesItsLock(new Lock(), null));
        Lock lock = new Lock();
        await(sharesItsLock(lock, new Condition(lock)));
        return done();
    }

    /**
     * Adapted: Weft keeps the condition's lock private, so {@code assertIs(cond._lock, lock)} becomes the check that
     * holding one holds the other.
     */
    @Test
    void test_explicit_lock() {
        runVirtual(explicitLock());
    }

    // ---- test_timeout_in_block ------------------------------------------------------------------------------------

    @Async
    Task<Void> timeoutInBlock() {
        Condition condition = new Condition();
        await(condition.acquire());
        try {
            try {
                await(waitFor(condition.waitSignal(), Duration.ofMillis(500)));
                throw new AssertionError("the wait did not time out");
            } catch (AsyncTimeoutException expected) {
                // no one signals: the wait times out
            }
        } finally {
            condition.release();
        }
        return done();
    }

    @Test
    void test_timeout_in_block() {
        runVirtual(timeoutInBlock());
    }
}
