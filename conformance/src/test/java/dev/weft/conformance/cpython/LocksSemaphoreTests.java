package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.BoundedSemaphore;
import dev.weft.EventLoop;
import dev.weft.Outcome;
import dev.weft.Semaphore;
import dev.weft.Task;
import dev.weft.TaskGroup;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.done;
import static dev.weft.Weft.gather;
import static dev.weft.Weft.gatherOutcomes;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Port of CPython's {@code test_locks.SemaphoreTests}. asyncio's {@code Semaphore()} defaults to one permit; Weft's
 * constructor takes the value, so these cases pass 1. asyncio's private {@code _value} is {@link Semaphore#value()}.
 */
class LocksSemaphoreTests extends AsyncioTestCase {

    /** A task that asks for a permit when it first runs: asyncio's {@code create_task(sem.acquire())}. */
    @Async
    static Task<Void> acquireOf(Semaphore sem) {
        await(sem.acquire());
        return done();
    }

    /** Takes a permit, records {@code n}; never gives it back. */
    @Async
    Task<Boolean> appendsAfterAcquire(Semaphore sem, int n) {
        await(sem.acquire());
        events.add(n);
        return done(true);
    }

    // ---- test_initial_value_zero, test_semaphore_value ------------------------------------------------------------

    @Test
    void test_initial_value_zero() {
        Semaphore sem = new Semaphore(0);
        assertTrue(sem.locked());
    }

    @Test
    void test_semaphore_value() {
        assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
    }

    // ---- test_acquire ---------------------------------------------------------------------------------------------

    @Async
    Task<Void> acquire() {
        Semaphore sem = new Semaphore(3);
        assertNull(await(sem.acquire()));
        assertNull(await(sem.acquire()));
        assertFalse(sem.locked());

        Task<Boolean> t1 = createTask(appendsAfterAcquire(sem, 1));
        Task<Boolean> t2 = createTask(appendsAfterAcquire(sem, 2));
        Task<Boolean> t3 = createTask(appendsAfterAcquire(sem, 3));

        await(sleep(0));
        assertEquals(List.of(1), events);
        assertTrue(sem.locked());
        assertEquals(0, sem.value());

        Task<Boolean> t4 = createTask(appendsAfterAcquire(sem, 4));

        sem.release();
        sem.release();
        assertEquals(0, sem.value());

        await(sleep(0));
        assertEquals(0, sem.value());
        assertEquals(3, events.size());
        assertTrue(sem.locked());
        assertEquals(0, sem.value());

        assertTrue(t1.isDone());
        assertTrue(t1.result());
        List<Task<Boolean>> raceTasks = List.of(t2, t3, t4);
        long doneTasks = raceTasks.stream().filter(t -> t.isDone() && t.result()).count();
        assertEquals(2, doneTasks);

        sem.release();
        await(gather(raceTasks));
        return done();
    }

    /** Adapted: asyncio's two checks of {@code len(sem._waiters)} have no public counterpart and are left out. */
    @Test
    void test_acquire() {
        runVirtual(acquire());
    }

    // ---- test_acquire_cancel --------------------------------------------------------------------------------------

    @Async
    Task<Void> acquireCancel() {
        Semaphore sem = new Semaphore(1);
        await(sem.acquire());

        Task<Void> acquire = createTask(acquireOf(sem));
        EventLoop.current().callSoon(acquire::cancel);
        try {
            await(acquire);
            throw new AssertionError("the acquisition was not cancelled");
        } catch (CancellationException expected) {
            // the acquisition ends cancelled
        }
        // No waiter is left to take the permit given back.
        sem.release();
        assertEquals(1, sem.value());
        return done();
    }

    /**
     * Adapted: asyncio checks {@code sem._waiters} holds no pending waiter; here a release after the cancellation must
     * give the permit to no one.
     */
    @Test
    void test_acquire_cancel() {
        runVirtual(acquireCancel());
    }

    // ---- test_acquire_cancel_before_awoken ------------------------------------------------------------------------

    @Async
    Task<Void> acquireCancelBeforeAwoken() {
        Semaphore sem = new Semaphore(0);
        Task<Void> t1 = createTask(acquireOf(sem));
        Task<Void> t2 = createTask(acquireOf(sem));
        Task<Void> t3 = createTask(acquireOf(sem));
        Task<Void> t4 = createTask(acquireOf(sem));

        await(sleep(0));

        t1.cancel();
        t2.cancel();
        sem.release();

        await(sleep(0));
        await(sleep(0));
        long numDone = List.of(t3, t4).stream().filter(Task::isDone).count();
        assertEquals(1, numDone);
        assertTrue(t3.isDone());
        assertFalse(t4.isDone());

        t3.cancel();
        t4.cancel();
        await(sleep(0));
        return done();
    }

    @Test
    void test_acquire_cancel_before_awoken() {
        runVirtual(acquireCancelBeforeAwoken());
    }

    // ---- test_acquire_hang ----------------------------------------------------------------------------------------

    @Async
    Task<Void> acquireHang() {
        Semaphore sem = new Semaphore(0);
        Task<Void> t1 = createTask(acquireOf(sem));
        Task<Void> t2 = createTask(acquireOf(sem));
        await(sleep(0));

        t1.cancel();
        sem.release();
        await(sleep(0));
        await(sleep(0));
        assertTrue(sem.locked());
        assertTrue(t2.isDone());
        return done();
    }

    @Test
    void test_acquire_hang() {
        runVirtual(acquireHang());
    }

    // ---- test_acquire_no_hang -------------------------------------------------------------------------------------

    @Async
    Task<Void> acquireNoHang() {
        Semaphore sem = new Semaphore(1);
        @SuppressWarnings("unchecked")
        Task<Void>[] t2 = new Task[1];

        Supplier<Task<Void>> c1 = () -> {
            await(sem.acquire());
            try {
                await(sleep(0));
            } finally {
                sem.release();
            }
            t2[0].cancel();
            return done();
        };
        Supplier<Task<Void>> c2 = () -> {
            await(sem.acquire());
            try {
                throw new AssertionError("c2 got the permit");
            } finally {
                sem.release();
            }
        };

        Task<Void> t1 = createTask(c1.get());
        t2[0] = createTask(c2.get());

        List<Outcome<Void>> rs = await(gatherOutcomes(t1, t2[0]));
        assertTrue(rs.get(0).isSuccess() && rs.get(0).value() == null);
        assertTrue(rs.get(1).exception() instanceof CancellationException);

        await(waitFor(sem.acquire(), Duration.ofSeconds(1)));
        return done();
    }

    /** Adapted: {@code async with sem} is acquire / try / finally release; return_exceptions is gatherOutcomes. */
    @Test
    void test_acquire_no_hang() {
        runVirtual(acquireNoHang());
    }

    // ---- test_release_not_acquired, test_release_no_waiters -------------------------------------------------------

    /** Adapted: asyncio's ValueError is IllegalStateException in Weft (a release the semaphore's state refuses). */
    @Test
    void test_release_not_acquired() {
        BoundedSemaphore sem = new BoundedSemaphore(1);
        assertThrows(IllegalStateException.class, sem::release);
    }

    @Async
    Task<Void> releaseNoWaiters() {
        Semaphore sem = new Semaphore(1);
        await(sem.acquire());
        assertTrue(sem.locked());
        sem.release();
        assertFalse(sem.locked());
        return done();
    }

    @Test
    void test_release_no_waiters() {
        runVirtual(releaseNoWaiters());
    }

    // ---- test_acquire_fifo_order ----------------------------------------------------------------------------------

    @Async
    Task<Void> takesTwiceInTurn(Semaphore sem, String tag) {
        await(sem.acquire());
        events.add(tag + "_1");
        await(sleep(10));
        sem.release();

        await(sem.acquire());
        events.add(tag + "_2");
        await(sleep(10));
        sem.release();
        return done();
    }

    @Async
    Task<Void> acquireFifoOrder() {
        Semaphore sem = new Semaphore(1);
        try (TaskGroup tg = new TaskGroup()) {
            tg.createTask(takesTwiceInTurn(sem, "c1"));
            tg.createTask(takesTwiceInTurn(sem, "c2"));
            tg.createTask(takesTwiceInTurn(sem, "c3"));
            await(tg.join());
        }
        assertEquals(List.of("c1_1", "c2_1", "c3_1", "c1_2", "c2_2", "c3_2"), events);
        return done();
    }

    @Test
    void test_acquire_fifo_order() {
        runVirtual(acquireFifoOrder());
    }

    // ---- test_acquire_fifo_order_2 --------------------------------------------------------------------------------

    @Async
    Task<Boolean> takesGivesTakesAgain(Semaphore sem) {
        await(sem.acquire());
        events.add(2);
        sem.release();
        await(sem.acquire());
        events.add(4);
        return done(true);
    }

    @Async
    Task<Void> acquireFifoOrder2() {
        Semaphore sem = new Semaphore(1);
        Task<Boolean> t1 = createTask(appendsAfterAcquire(sem, 1));
        Task<Boolean> t2 = createTask(takesGivesTakesAgain(sem));
        Task<Boolean> t3 = createTask(appendsAfterAcquire(sem, 3));

        await(sleep(0));

        sem.release();
        sem.release();

        await(gather(t1, t2, t3));
        assertEquals(List.of(1, 2, 3, 4), events);
        return done();
    }

    @Disabled("difference, by design: permits are handed to woken waiters, so a release() then acquire() with no"
            + " waiter queued gets a permit at once, before a woken waiter resumes: [1, 2, 4, 3]")
    @Test
    void test_acquire_fifo_order_2() {
        runVirtual(acquireFifoOrder2());
    }

    // ---- test_acquire_fifo_order_3 --------------------------------------------------------------------------------

    @Async
    Task<Void> acquireFifoOrder3() {
        Semaphore sem = new Semaphore(0);
        Task<Boolean> t1 = createTask(appendsAfterAcquire(sem, 1));
        Task<Boolean> t2 = createTask(appendsAfterAcquire(sem, 2));
        Task<Boolean> t3 = createTask(appendsAfterAcquire(sem, 3));

        await(sleep(0));

        t1.cancel();

        await(sleep(0));

        sem.release();
        sem.release();

        await(gatherOutcomes(t1, t2, t3));
        assertEquals(List.of(2, 3), events);
        return done();
    }

    @Test
    void test_acquire_fifo_order_3() {
        runVirtual(acquireFifoOrder3());
    }
}
