package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.Event;
import dev.weft.EventLoop;
import dev.weft.ExceptionContext;
import dev.weft.Task;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;

import static dev.weft.Weft.await;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the ports of the task-function half of {@code test_tasks.py} (wait, as_completed, gather, shield, sleep,
 * current_task, run_coroutine_threadsafe) share: the test's own loop, CPython's {@code run_briefly}, and
 * {@link Gate}, the stand-in for an asyncio {@code Future} until Weft has one.
 */
abstract class TaskFunctionsSupport extends AsyncioTestCase {
    /** CPython's {@code self.loop}: a virtual-time loop, closed after the test. */
    protected final EventLoop loop = createLoop();

    /** The loop a test case gets; virtual time unless a class needs otherwise. */
    protected EventLoop createLoop() {
        return EventLoop.newVirtualTimeLoop();
    }

    @AfterEach
    void closeLoop() {
        if (!loop.isClosed()) {
            loop.close();
        }
    }

    /** CPython's {@code test_utils.run_briefly(loop)}: runs a task that yields to the loop once. */
    protected void runBriefly(EventLoop target) {
        target.runUntilComplete(yields(1));
    }

    /**
     * CPython's {@code GatherTestsBase._run_loop}: turns the loop until what is ready has run. Weft does not show its
     * ready queue, so this gives it a fixed number of turns, more than any chain in these tests needs.
     */
    protected void runLoop(EventLoop target) {
        target.runUntilComplete(yields(8));
    }

    /** Asserts the loop's clock, as CPython's {@code assertAlmostEqual(when, loop.time())}. */
    protected static void assertTime(double expected, EventLoop target) {
        assertEquals(expected, target.time(), 1e-9, "loop.time()");
    }

    /** {@code asyncio.sleep(delay, result)}, which Weft does not have yet: sleeps, then returns {@code value}. */
    @Async
    protected <T> Task<T> after(long millis, T value) {
        await(sleep(millis));
        return done(value);
    }

    /** Collects what reaches a loop's exception handler (CPython's {@code mock_handler}). */
    protected static List<ExceptionContext> recordReports(EventLoop target) {
        List<ExceptionContext> reports = new ArrayList<>();
        target.setExceptionHandler((l, context) -> reports.add(context));
        return reports;
    }

    /**
     * Stands in for CPython's {@code loop.create_future()}: {@link #task} is scheduled on the loop at once and waits
     * on an {@link Event}; {@link #setResult} and {@link #setException} release it, and {@code task.cancel()} cancels
     * it. It differs from a future only in that it completes in the loop's next turn, not in the call that sets it.
     */
    protected static final class Gate<T> {
        private final Event released = new Event();
        private T value;
        private RuntimeException failure;
        final Task<T> task;

        Gate(EventLoop loop) {
            this.task = loop.createTask(body());
        }

        void setResult(T v) {
            value = v;
            released.set();
        }

        void setException(RuntimeException e) {
            failure = e;
            released.set();
        }

        @Async
        private Task<T> body() {
            await(released.waitSet());
            if (failure != null) {
                throw failure;
            }
            return done(value);
        }
    }
}
