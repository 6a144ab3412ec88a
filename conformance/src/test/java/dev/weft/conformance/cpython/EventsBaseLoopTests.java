package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.ExceptionContext;
import dev.weft.ExceptionHandler;
import dev.weft.Task;
import dev.weft.TimerHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

import static dev.weft.Weft.await;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CPython's {@code test_base_events.py}: the scheduling, run/stop/close, exception handler and debug cases of
 * {@code BaseEventLoopTests}, with {@code BaseEventLoopWithSelectorTests.test_log_slow_callbacks} and
 * {@code RunningLoopTests}. CPython drives a {@code BaseEventLoop} with a mock selector and calls {@code _run_once}
 * by hand; here a virtual-time loop runs, and one pass is {@code callSoon(stop)} then {@code runForever()}.
 * RuntimeError is {@link IllegalStateException}, ValueError {@link IllegalArgumentException}.
 */
class EventsBaseLoopTests extends AsyncioTestCase {
    private final EventLoop loop = EventLoop.newVirtualTimeLoop();
    private final List<ExceptionContext> reports = new ArrayList<>();
    private boolean called;

    @AfterEach
    void closeLoop() {
        if (!loop.isRunning()) {
            loop.close();
        }
    }

    /** One pass of the loop: CPython's {@code _run_once()} / {@code test_utils.run_briefly}. */
    private void runOnce() {
        loop.callSoon(loop::stop);
        loop.runForever();
    }

    /** A callback that divides by zero, named so that messages about it can be recognised. */
    private static final class ZeroError implements Runnable {
        @Override
        public void run() {
            TaskGroupsTestCase.divideByZero();
        }
    }

    /** As {@link ZeroError}, stopping the loop first: CPython stops through a future the callback completes. */
    private final class StoppingZeroError implements Runnable {
        @Override
        public void run() {
            loop.stop();
            TaskGroupsTestCase.divideByZero();
        }

        @Override
        public String toString() {
            return "ZeroError (stops the loop)";
        }
    }

    private static boolean matches(String regex, String text) {
        return Pattern.compile(regex).matcher(text).find();
    }

    // ---- close and debug --------------------------------------------------------------------------------------------

    @Test
    void test_close() {
        assertFalse(loop.isClosed());
        loop.close();
        assertTrue(loop.isClosed());
        loop.close();
        loop.close();
        assertThrows(IllegalStateException.class, loop::runForever);
        assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(sleep(0)));
    }

    @Test
    void test_set_debug() {
        loop.setDebug(true);
        assertTrue(loop.isDebug());
        loop.setDebug(false);
        assertFalse(loop.isDebug());
    }

    // ---- call_soon, call_later ------------------------------------------------------------------------------------

    /**
     * Adapted: CPython finds the handle in {@code _scheduled}, not in {@code _ready}; here the handle exists and its
     * callback has not run after a pass. A null delay is refused (CPython: TypeError for None).
     */
    @Test
    void test_call_later() {
        TimerHandle h = loop.callLater(Duration.ofSeconds(10), () -> events.add("cb"));
        assertNotNull(h);
        runOnce();
        assertEquals(List.of(), events);
        assertThrows(NullPointerException.class, () -> loop.callLater(null, () -> { }));
    }

    @Test
    void test_call_later_negative_delays() {
        loop.callLater(Duration.ofSeconds(-1), () -> events.add("a"));
        loop.callLater(Duration.ofSeconds(-2), () -> events.add("b"));
        runOnce();
        assertEquals(List.of("b", "a"), events);
    }

    private static void checkThread(EventLoop loop) {
        Runnable cb = () -> { };
        assertThrows(IllegalStateException.class, () -> loop.callSoon(cb));
        assertThrows(IllegalStateException.class, () -> loop.callLater(Duration.ofSeconds(60), cb));
    }

    @Async
    Task<Void> awaitFuture(CompletableFuture<Void> fut) {
        await(fut);
        return done();
    }

    /**
     * Adapted: in debug mode, the calls that are not thread-safe refuse a thread that is not the running loop's.
     * Weft checks always, so CPython's half without debug mode (where the calls go through) is not asserted; CPython's
     * "thread with its own event loop" half needs {@code set_event_loop}, which Weft has not; {@code call_at} waits
     * for {@code loop.callAt}.
     */
    @Test
    void test_check_thread() throws InterruptedException {
        loop.setDebug(true);
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Void> fut = new CompletableFuture<>();
        loop.callSoon(running::countDown);
        Thread thread = new Thread(() -> {
            try {
                running.await();
                checkThread(loop);
                loop.callSoonThreadsafe(() -> fut.complete(null));
            } catch (Throwable exc) {
                loop.callSoonThreadsafe(() -> fut.completeExceptionally(exc));
            }
        });
        thread.start();
        loop.runUntilComplete(awaitFuture(fut));
        thread.join();
    }

    /**
     * Adapted: CPython checks that with one timer cancelled the selector waits for the other (10 s) and only it stays
     * scheduled. Here: the cancelled timer never runs, and the loop's clock goes straight to the other one.
     */
    @Test
    void test__run_once() {
        TimerHandle h1 = loop.callLater(Duration.ofSeconds(5), () -> events.add("h1"));
        loop.callLater(Duration.ofSeconds(10), () -> {
            events.add("h2");
            loop.stop();
        });
        h1.cancel();
        loop.runForever();
        assertEquals(10.0, loop.time());
        assertEquals(List.of("h2"), events);
    }

    /**
     * Adapted: a due timer whose callback schedules another callback; after that pass the new callback is ready, not
     * run (CPython: it is the only handle in {@code _ready}). It runs in the next pass.
     */
    @Test
    void test__run_once_schedule_handle() {
        loop.callLater(Duration.ZERO, () -> {
            events.add("processed");
            loop.callSoon(() -> events.add("handle"));
            loop.stop();
        });
        loop.runForever();
        assertEquals(List.of("processed"), events);
        runOnce();
        assertEquals(List.of("processed", "handle"), events);
    }

    // ---- run_until_complete ---------------------------------------------------------------------------------------

    /** Adapted: a task scheduled on another loop (CPython: a future of another loop) is refused. */
    @Test
    void test_run_until_complete_loop() {
        EventLoop otherLoop = EventLoop.newVirtualTimeLoop();
        try {
            Task<Void> task = otherLoop.createTask(sleep(10));
            assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(task));
        } finally {
            otherLoop.close();
        }
    }

    /** CPython's {@code KeyboardInterrupt} raised by a coroutine; Java has none, a RuntimeException stands in. */
    static final class Interrupt extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Async
    Task<Void> raiseKeyboardInterrupt() {
        throw new Interrupt();
    }

    /**
     * Adapted: the failure that run_until_complete raised was retrieved, so closing the loop reports nothing (CPython
     * checks the same of its KeyboardInterrupt).
     */
    @Test
    void test_run_forever_keyboard_interrupt() {
        loop.setExceptionHandler((l, context) -> reports.add(context));
        assertThrows(Interrupt.class, () -> loop.runUntilComplete(raiseKeyboardInterrupt()));
        loop.close();
        System.gc();
        assertEquals(List.of(), reports);
    }

    /** Adapted as above: after run_until_complete raised, no stop is left pending for the next run_forever. */
    @Test
    void test_run_until_complete_baseexception() {
        assertThrows(Interrupt.class, () -> loop.runUntilComplete(raiseKeyboardInterrupt()));
        Runnable func = () -> {
            loop.stop();
            called = true;
        };
        loop.callSoon(() -> loop.callSoon(func));
        loop.runForever();
        assertTrue(called);
    }

    @Test
    void test_run_once() {
        int[] count = {0};
        loop.callSoon(() -> count[0]++);
        runOnce();
        assertEquals(1, count[0]);
    }

    /**
     * Adapted: a stop requested before run_forever ends it after one pass that does not wait (CPython: one select
     * with timeout 0); here a timer an hour away neither runs nor moves the virtual clock.
     */
    @Test
    void test_run_forever_pre_stopped() {
        loop.callLater(Duration.ofHours(1), () -> events.add("an hour later"));
        loop.stop();
        loop.runForever();
        assertEquals(0.0, loop.time());
        assertEquals(List.of(), events);
    }

    // ---- the exception handler ------------------------------------------------------------------------------------

    /** The default handler logs a callback's exception, for call_soon and for call_later. */
    @Test
    void test_default_exc_handler_callback() {
        try (EventsLogRecords log = new EventsLogRecords()) {
            loop.callSoon(new StoppingZeroError());
            loop.runForever();
            LogRecord record = log.last();
            assertTrue(matches("Exception in callback.*ZeroError", record.getMessage()), record.getMessage());
            assertInstanceOf(ArithmeticException.class, record.getThrown());
        }
        try (EventsLogRecords log = new EventsLogRecords()) {
            loop.callLater(Duration.ofMillis(10), new StoppingZeroError());
            loop.runForever();
            LogRecord record = log.last();
            assertTrue(matches("Exception in callback.*ZeroError", record.getMessage()), record.getMessage());
            assertInstanceOf(ArithmeticException.class, record.getThrown());
        }
    }

    @Async
    Task<Void> zeroErrorCoro() {
        await(sleep(10));
        TaskGroupsTestCase.divideByZero();
        return done();
    }

    /**
     * The default handler logs a task's failure that no one retrieved. CPython drops the last reference and collects;
     * Weft reports such a failure when its task is collected or when the loop closes: here, at the close.
     */
    @Test
    void test_default_exc_handler_coro() {
        try (EventsLogRecords log = new EventsLogRecords()) {
            Task<Void> fut = loop.createTask(zeroErrorCoro());
            fut.addDoneCallback(t -> loop.stop());
            loop.runForever();
            loop.close();
            LogRecord record = log.last();
            assertTrue(matches(".*exception was never retrieved", record.getMessage()), record.getMessage());
            assertInstanceOf(ArithmeticException.class, record.getThrown());
        }
    }

    /**
     * A handler set receives the loop and the context (Weft's has no handle or source traceback); null restores the
     * default, which logs.
     */
    @Test
    void test_set_exc_handler_custom() {
        loop.setDebug(true);
        assertNull(loop.exceptionHandler());
        List<EventLoop> calledWithLoop = new ArrayList<>();
        ExceptionHandler mockHandler = (l, context) -> {
            calledWithLoop.add(l);
            reports.add(context);
        };
        loop.setExceptionHandler(mockHandler);
        assertSame(mockHandler, loop.exceptionHandler());
        loop.callSoon(new ZeroError());
        runOnce();
        assertEquals(List.of(loop), calledWithLoop);
        ExceptionContext context = reports.get(reports.size() - 1);
        assertTrue(matches("Exception in callback.*ZeroError", context.message()), context.message());
        assertInstanceOf(ArithmeticException.class, context.exception());
        calledWithLoop.clear();

        loop.setExceptionHandler(null);
        try (EventsLogRecords log = new EventsLogRecords()) {
            loop.callSoon(new ZeroError());
            runOnce();
            LogRecord record = log.last();
            assertTrue(matches("Exception in callback.*ZeroError", record.getMessage()), record.getMessage());
            assertInstanceOf(ArithmeticException.class, record.getThrown());
        }
        assertEquals(List.of(), calledWithLoop);
    }

    /** Python's {@code AttributeError}. */
    static final class AttributeError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AttributeError(String message) {
            super(message);
        }
    }

    /**
     * A handler that raises is itself reported through the log. Adapted: Weft logs the handler's failure and then
     * the report it failed on (CPython logs one record), so the record is looked for among those logged.
     */
    @Test
    void test_set_exc_handler_broken() {
        loop.setExceptionHandler((l, context) -> {
            throw new AttributeError("spam");
        });
        try (EventsLogRecords log = new EventsLogRecords()) {
            loop.callSoon(new ZeroError());
            runOnce();
            List<LogRecord> records = log.records();
            assertTrue(records.stream().anyMatch(r -> r.getThrown() instanceof AttributeError
                    && matches("(?i)exception handler", r.getMessage())), records.toString());
        }
    }

    // ---- tasks ----------------------------------------------------------------------------------------------------

    /** Adapted: a closed loop refuses the coroutine (the warning CPython checks for is debug-only in Weft). */
    @Test
    void test_create_task_error_closes_coro() {
        EventLoop closed = EventLoop.newEventLoop();
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.createTask(noop()));
    }

    @Async
    Task<Void> noop() {
        return done();
    }

    @Test
    void test_create_named_task_with_default_factory() {
        EventLoop l = EventLoop.newEventLoop();
        Task<Void> task = l.createTask(noop(), "test_task");
        try {
            assertEquals("test_task", task.name());
        } finally {
            l.runUntilComplete(task);
            l.close();
        }
    }

    // ---- debug: slow callbacks --------------------------------------------------------------------------------------

    private final class StopLoopCb implements Runnable {
        @Override
        public void run() {
            loop.stop();
        }

        @Override
        public String toString() {
            return "StopLoopCb";
        }
    }

    @Async
    Task<Void> stopLoopCoro(EventLoop l) {
        l.stop();
        return done();
    }

    /**
     * BaseEventLoopWithSelectorTests: in debug mode with a slow-callback duration of zero, a callback and a task step
     * are reported as slow, each named, with the time it took.
     */
    @Test
    void test_log_slow_callbacks() {
        loop.setDebug(true);
        loop.setSlowCallbackDuration(Duration.ZERO);
        loop.setExceptionHandler((l, context) -> reports.add(context));

        loop.callSoon(new StopLoopCb());
        loop.runForever();
        String message = reports.get(reports.size() - 1).message();
        assertTrue(matches("^Executing .*StopLoopCb.* took .* seconds$", message), message);

        loop.createTask(stopLoopCoro(loop));
        loop.runForever();
        message = reports.get(reports.size() - 1).message();
        assertTrue(matches("^Executing .*stopLoopCoro.* took .* seconds$", message), message);
    }

    // ---- RunningLoopTests ---------------------------------------------------------------------------------------

    @Async
    Task<Void> runner(EventLoop l) {
        l.runForever();
        return done();
    }

    @Test
    void test_running_loop_within_a_loop() {
        EventLoop inner = EventLoop.newEventLoop();
        EventLoop outerLoop = EventLoop.newEventLoop();
        try {
            assertThrows(IllegalStateException.class, () -> outerLoop.runUntilComplete(runner(inner)));
        } finally {
            inner.close();
            outerLoop.close();
        }
    }
}
