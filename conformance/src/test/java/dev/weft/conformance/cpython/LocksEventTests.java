package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.Event;
import dev.weft.EventLoop;
import dev.weft.Task;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Port of CPython's {@code test_locks.EventTests}; asyncio's {@code Event.wait()} is {@link Event#waitSet()}. */
class LocksEventTests extends AsyncioTestCase {

    /** A task that waits for the event when it first runs: asyncio's {@code create_task(ev.wait())}. */
    @Async
    static Task<Boolean> waitOf(Event ev) {
        return done(await(ev.waitSet()));
    }

    // ---- test_wait ------------------------------------------------------------------------------------------------

    @Async
    Task<Void> appendsWhenSet(Event ev, int n) {
        if (await(ev.waitSet())) {
            events.add(n);
        }
        return done();
    }

    @Async
    Task<Void> waitForSet() {
        Event ev = new Event();
        assertFalse(ev.isSet());

        Task<Void> t1 = createTask(appendsWhenSet(ev, 1));
        Task<Void> t2 = createTask(appendsWhenSet(ev, 2));

        await(sleep(0));
        assertEquals(List.of(), events);

        Task<Void> t3 = createTask(appendsWhenSet(ev, 3));

        // t3 has not run yet; when it does the event is set already, so it goes before the woken t1 and t2.
        ev.set();
        await(sleep(0));
        assertEquals(List.of(3, 1, 2), events);

        assertTrue(t1.isDone());
        assertNull(t1.result());
        assertTrue(t2.isDone());
        assertNull(t2.result());
        assertTrue(t3.isDone());
        assertNull(t3.result());
        return done();
    }

    @Test
    void test_wait() {
        runVirtual(waitForSet());
    }

    // ---- test_wait_on_set -----------------------------------------------------------------------------------------

    @Async
    Task<Void> waitOnSet() {
        Event ev = new Event();
        ev.set();
        boolean res = await(ev.waitSet());
        assertTrue(res);
        return done();
    }

    @Test
    void test_wait_on_set() {
        runVirtual(waitOnSet());
    }

    // ---- test_wait_cancel -----------------------------------------------------------------------------------------

    @Async
    Task<Void> waitCancel() {
        Event ev = new Event();
        Task<Boolean> wait = createTask(waitOf(ev));
        EventLoop.current().callSoon(wait::cancel);
        try {
            await(wait);
            throw new AssertionError("the wait was not cancelled");
        } catch (CancellationException expected) {
            // the wait ends cancelled
        }
        assertTrue(wait.isCancelled());
        return done();
    }

    /** Adapted: asyncio's check that {@code ev._waiters} is empty has no public counterpart and is left out. */
    @Test
    void test_wait_cancel() {
        runVirtual(waitCancel());
    }

    // ---- test_clear -----------------------------------------------------------------------------------------------

    @Test
    void test_clear() {
        Event ev = new Event();
        assertFalse(ev.isSet());

        ev.set();
        assertTrue(ev.isSet());

        ev.clear();
        assertFalse(ev.isSet());
    }

    // ---- test_clear_with_waiters ----------------------------------------------------------------------------------

    @Async
    Task<Boolean> appendsOneWhenSet(Event ev) {
        if (await(ev.waitSet())) {
            events.add(1);
        }
        return done(true);
    }

    @Async
    Task<Void> clearWithWaiters() {
        Event ev = new Event();
        Task<Boolean> t = createTask(appendsOneWhenSet(ev));
        await(sleep(0));
        assertEquals(List.of(), events);

        // Set then cleared at once: the waiter was woken by the set and still goes on.
        ev.set();
        ev.clear();
        assertFalse(ev.isSet());

        ev.set();
        ev.set();

        await(sleep(0));
        assertEquals(List.of(1), events);

        assertTrue(t.isDone());
        assertTrue(t.result());
        return done();
    }

    /** Adapted: asyncio's two checks of {@code len(ev._waiters)} have no public counterpart and are left out. */
    @Test
    void test_clear_with_waiters() {
        runVirtual(clearWithWaiters());
    }
}
