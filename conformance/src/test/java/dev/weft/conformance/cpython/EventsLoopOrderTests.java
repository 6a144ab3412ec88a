package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.ExceptionContext;
import dev.weft.Task;
import dev.weft.TimerHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

import static dev.weft.Weft.await;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CPython's {@code test_events.py}: the scheduling and run/stop/close cases of {@code EventLoopTestsMixin}, and what
 * {@code HandleTests}, {@code TimerTests} and {@code GetEventLoopTestsMixin} check that Weft can express. The loop is
 * a virtual-time loop; CPython's RuntimeError is {@link IllegalStateException}.
 */
class EventsLoopOrderTests extends AsyncioTestCase {
    private final EventLoop loop = EventLoop.newVirtualTimeLoop();
    private final List<ExceptionContext> reports = new ArrayList<>();

    @AfterEach
    void closeLoop() {
        if (!loop.isRunning()) {
            loop.close();
        }
    }

    /** CPython's {@code test_utils.run_briefly}: one pass of the loop. */
    private void runBriefly() {
        loop.callSoon(loop::stop);
        loop.runForever();
    }

    // ---- EventLoopTestsMixin: run_until_complete ------------------------------------------------------------------

    @Async
    Task<Void> coro1() {
        await(sleep(0));
        return done();
    }

    @Async
    Task<Void> coro2() {
        assertTrue(loop.isRunning());
        loop.runUntilComplete(coro1());
        return done();
    }

    /**
     * A running loop refuses to be run again from inside; the coroutine it refused is reported as never awaited
     * (CPython warns at once; Weft reports it in debug mode, here when the loop closes).
     */
    @Test
    void test_run_until_complete_nesting() {
        loop.setDebug(true);
        loop.setExceptionHandler((l, context) -> reports.add(context));
        assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(coro2()));
        loop.close();
        Pattern neverAwaited = Pattern.compile("coroutine \\S+ was never awaited");
        assertTrue(reports.stream().anyMatch(c -> neverAwaited.matcher(c.message()).find()), reports.toString());
    }

    /** Adapted: in virtual time the sleep takes exactly its 0.1 s (CPython allows 0.08 to 0.8 on a real clock). */
    @Test
    void test_run_until_complete() {
        double t0 = loop.time();
        loop.runUntilComplete(sleep(100));
        double t1 = loop.time();
        assertEquals(0.1, t1 - t0);
    }

    @Async
    Task<Void> stopsThenSleeps() {
        loop.stop();
        await(sleep(100));
        return done();
    }

    /** A stop before the task is done ends run_until_complete with an error. */
    @Test
    void test_run_until_complete_stopped() {
        assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(stopsThenSleeps()));
    }

    // ---- EventLoopTestsMixin: call_soon, call_later, call_soon_threadsafe -----------------------------------------

    @Test
    void test_call_later() {
        loop.callLater(Duration.ofMillis(100), () -> {
            events.add("hello world");
            loop.stop();
        });
        loop.runForever();
        assertEquals(List.of("hello world"), events);
    }

    @Test
    void test_call_soon() {
        loop.callSoon(() -> {
            events.add(List.of("hello", "world"));
            loop.stop();
        });
        loop.runForever();
        assertEquals(List.of(List.of("hello", "world")), events);
    }

    private void stopAfterTwo(Object arg) {
        events.add(arg);
        if (events.size() >= 2) {
            loop.stop();
        }
    }

    /** A callback another thread scheduled first runs before one the loop's thread scheduled after it. */
    @Test
    void test_call_soon_threadsafe() throws InterruptedException {
        Semaphore lock = new Semaphore(1);
        lock.acquire();
        Thread t = new Thread(() -> {
            loop.callSoonThreadsafe(() -> stopAfterTwo("hello"));
            lock.release();
        });
        t.start();
        lock.acquire();
        try {
            loop.callSoon(() -> stopAfterTwo("world"));
            loop.runForever();
        } finally {
            lock.release();
        }
        t.join();
        assertEquals(List.of("hello", "world"), events);
    }

    @Test
    void test_call_soon_threadsafe_same_thread() {
        loop.callSoonThreadsafe(() -> stopAfterTwo("hello"));
        loop.callSoon(() -> stopAfterTwo("world"));
        loop.runForever();
        assertEquals(List.of("hello", "world"), events);
    }

    @Test
    void test_run_in_executor() {
        Thread self = Thread.currentThread();
        Object[] resAndThread = loop.runUntilComplete(
                loop.runInExecutor(null, () -> new Object[] {"yo", Thread.currentThread()}));
        assertEquals("yo", resAndThread[0]);
        assertNotSame(self, resAndThread[1]);
    }

    // ---- EventLoopTestsMixin: close -------------------------------------------------------------------------------

    @Async
    Task<Void> closesLoop() {
        loop.close();
        return done();
    }

    @Test
    void test_close_running_event_loop() {
        assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(closesLoop()));
    }

    @Async
    Task<Void> test() {
        return done();
    }

    /**
     * Every way in refuses a closed loop. Adapted: {@code call_at} waits for {@code loop.callAt}; signal handlers
     * have no Weft counterpart.
     */
    @Test
    void test_close() {
        loop.close();
        Runnable func = () -> { };
        Task<Void> coro = test();
        assertThrows(IllegalStateException.class, loop::runForever);
        assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(sleep(0)));
        assertThrows(IllegalStateException.class, () -> loop.callSoon(func));
        assertThrows(IllegalStateException.class, () -> loop.callSoonThreadsafe(func));
        assertThrows(IllegalStateException.class, () -> loop.callLater(Duration.ofSeconds(1), func));
        assertThrows(IllegalStateException.class, () -> loop.createTask(coro));
        assertThrows(IllegalStateException.class, () -> loop.runInExecutor(null, () -> false));
    }

    // ---- HandleTests -------------------------------------------------------------------------------------------

    /**
     * Adapted: CPython runs a Handle by hand against a mock loop; here the loop runs a callback that raises, and the
     * exception handler is called with the message and the exception (Weft's context has no handle).
     */
    @Test
    void test_callback_with_exception() {
        loop.setExceptionHandler((l, context) -> reports.add(context));
        loop.callSoon(() -> {
            throw new IllegalArgumentException();   // Python's ValueError
        });
        runBriefly();
        assertEquals(1, reports.size());
        ExceptionContext context = reports.get(0);
        assertTrue(Pattern.compile("Exception in callback.*").matcher(context.message()).find(), context.message());
        assertInstanceOf(IllegalArgumentException.class, context.exception());
    }

    // ---- TimerTests ---------------------------------------------------------------------------------------------

    /** Adapted: the handle comes from callLater; its deadline is on the loop's clock. */
    @Test
    void test_when() {
        double when = loop.time() + 5;
        TimerHandle h = loop.callLater(Duration.ofSeconds(5), () -> { });
        assertEquals(when, h.when());
    }

    /** Adapted: a handle from callLater is not cancelled until cancel(), and then its callback never runs. */
    @Test
    void test_timer() {
        TimerHandle h = loop.callLater(Duration.ZERO, () -> events.add("ran"));
        assertFalse(h.isCancelled());
        h.cancel();
        assertTrue(h.isCancelled());
        runBriefly();
        assertEquals(List.of(), events);
    }

    // ---- GetEventLoopTestsMixin -----------------------------------------------------------------------------------

    @Async
    Task<Void> func(EventLoop expected) {
        assertSame(expected, EventLoop.current());
        return done();
    }

    /**
     * Adapted: CPython's policy and {@code get_event_loop} parts have no Weft counterpart; what remains is
     * {@code get_running_loop}: none outside a loop ("no running"), the loop itself inside.
     */
    @Test
    void test_get_event_loop_returns_running_loop() {
        IllegalStateException before = assertThrows(IllegalStateException.class, EventLoop::current);
        assertTrue(before.getMessage().contains("no running"), before.getMessage());
        loop.runUntilComplete(func(loop));
        IllegalStateException after = assertThrows(IllegalStateException.class, EventLoop::current);
        assertTrue(after.getMessage().contains("no running"), after.getMessage());
    }

    @Async
    Task<Void> runsAnotherLoop() {
        EventLoop runningLoop = EventLoop.current();
        EventLoop other = EventLoop.newEventLoop();
        try {
            assertThrows(IllegalStateException.class, other::runForever);
        } finally {
            other.close();
        }
        assertSame(runningLoop, EventLoop.current());
        return done();
    }

    /** Another loop cannot run inside a running one, and the attempt leaves the running loop current. */
    @Test
    void test_get_running_loop_already_running() {
        loop.runUntilComplete(runsAnotherLoop());
    }
}
