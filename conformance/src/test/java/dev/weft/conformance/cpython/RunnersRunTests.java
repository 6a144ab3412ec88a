package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.ExceptionContext;
import dev.weft.Task;
import dev.weft.Weft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CPython's {@code test_runners.py}, {@code RunTests}: {@code asyncio.run} is {@link Weft#run(Task, Supplier)}. As
 * CPython's {@code BaseTest}, every loop comes from {@link #newLoop()} (virtual time here), and each test checks that
 * the last one made was closed.
 */
class RunnersRunTests extends AsyncioTestCase {
    private final List<EventLoop> loops = new ArrayList<>();
    private final List<ExceptionContext> handled = new ArrayList<>();
    private Task<?> loTask;
    private Task<?> lazyboy;

    /** CPython's {@code BaseTest.new_loop}: a loop recorded for the check after the test. */
    private EventLoop newLoop() {
        EventLoop loop = EventLoop.newVirtualTimeLoop();
        loops.add(loop);
        return loop;
    }

    @BeforeEach
    void noLoopYet() {
        loops.clear();
    }

    @AfterEach
    void lastLoopClosed() {
        if (!loops.isEmpty()) {
            assertTrue(loops.get(loops.size() - 1).isClosed());
        }
    }

    /** Python's {@code ValueError}. */
    static final class ValueError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ValueError(String message) {
            super(message);
        }
    }

    @Async
    Task<Integer> returns42() {
        await(sleep(0));
        return done(42);
    }

    @Test
    void test_asyncio_run_return() {
        assertEquals(42, Weft.run(returns42(), this::newLoop));
    }

    @Async
    Task<Void> raisesSpam() {
        await(sleep(0));
        throw new ValueError("spam");
    }

    @Test
    void test_asyncio_run_raises() {
        ValueError e = assertThrows(ValueError.class, () -> Weft.run(raisesSpam(), this::newLoop));
        assertTrue(e.getMessage().contains("spam"));
    }

    @Async
    Task<Void> runsFromRunningLoop() {
        Task<Void> coro = runsFromRunningLoop();
        try {
            Weft.run(coro, this::newLoop);
        } finally {
            coro.cancel();   // CPython closes the coroutine it never ran
        }
        return done();
    }

    @Test
    void test_asyncio_run_from_running_loop() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Weft.run(runsFromRunningLoop(), this::newLoop));
        assertTrue(Pattern.compile("cannot be called from a running").matcher(e.getMessage()).find(), e.getMessage());
    }

    @Async
    Task<Void> leftover() {
        await(sleep(100));
        return done();
    }

    @Async
    Task<Integer> leavesATask() {
        loTask = createTask(leftover());
        return done(123);
    }

    /** What {@code run} leaves pending is cancelled before it returns. */
    @Test
    void test_asyncio_run_cancels_hanging_tasks() {
        assertEquals(123, Weft.run(leavesATask(), this::newLoop));
        assertTrue(loTask.isDone());
    }

    @Async
    Task<Void> leftoverFailingOnCancel() {
        try {
            await(sleep(100));
        } catch (CancellationException e) {
            TaskGroupsTestCase.divideByZero();
        }
        return done();
    }

    @Async
    Task<Integer> leavesAFailingTask() {
        EventLoop.current().setExceptionHandler((loop, context) -> handled.add(context));
        loTask = createTask(leftoverFailingOnCancel());
        return done(123);
    }

    /** A task left pending that fails as {@code run} cancels it is reported, with the task, as a shutdown error. */
    @Test
    void test_asyncio_run_reports_hanging_tasks_errors() {
        assertEquals(123, Weft.run(leavesAFailingTask(), this::newLoop));
        assertTrue(loTask.isDone());
        assertFalse(handled.isEmpty(), "the exception handler was not called");
        ExceptionContext last = handled.get(handled.size() - 1);
        assertTrue(Pattern.compile("run.*shutdown").matcher(last.message()).find(), last.message());
        assertSame(loTask, last.task());
        assertInstanceOf(ArithmeticException.class, last.exception());
    }

    /** CPython's {@code FancyExit}. */
    static final class FancyExit extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** CPython's {@code spin()}, without its async generator: loops for ever, and divides by zero when cancelled. */
    @Async
    Task<Void> spin() {
        try {
            while (true) {
                await(sleep(1000));
            }
        } catch (CancellationException e) {
            TaskGroupsTestCase.divideByZero();
        }
        return done();
    }

    @Async
    Task<Void> raisesFancyExit() {
        EventLoop.current().setExceptionHandler((loop, context) -> handled.add(context));
        lazyboy = createTask(spin());
        throw new FancyExit();
    }

    /**
     * Adapted: the main task's exception wins, and the task left behind, which fails as it is cancelled, is done
     * (CPython also checks that the async generator it iterated was closed: Java has none).
     */
    @Test
    void test_asyncio_run_closes_gens_after_hanging_tasks_errors() {
        assertThrows(FancyExit.class, () -> Weft.run(raisesFancyExit(), this::newLoop));
        assertTrue(lazyboy.isDone());
    }

    @Async
    Task<Void> checksRunningLoop(EventLoop expected) {
        assertSame(expected, EventLoop.current());
        return done();
    }

    /** The factory is called once, and the task runs on the loop it made. */
    @Test
    void test_asyncio_run_loop_factory() {
        AtomicInteger calls = new AtomicInteger();
        EventLoop loop = newLoop();
        Supplier<EventLoop> factory = () -> {
            calls.incrementAndGet();
            return loop;
        };
        Weft.run(checksRunningLoop(loop), factory);
        assertEquals(1, calls.get());
    }
}
