package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.ExceptionContext;
import dev.weft.Queue;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Port of the task basics of CPython's {@code test_tasks.py}, {@code BaseTaskTests}: making and running tasks, their
 * loop, names, results and exceptions, stopping the loop under a task.
 */
class TasksTaskTests extends TasksTestCase {

    @Async
    static Task<String> notmuch() {
        return done("ok");
    }

    @Async
    static Task<Void> coroutineFunction() {
        return done();
    }

    // ---- a task and its loop --------------------------------------------------------------------------------------

    @Async
    Task<Void> awaits(Task<?> fut) {
        await(fut);
        return done();
    }

    /** Awaiting a pending task of a loop that is not running fails at once, naming the other loop. */
    @Test
    void test_other_loop_future() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            EventLoop otherLoop = EventLoop.newVirtualTimeLoop();
            try {
                Task<Object> fut = pendingGet(otherLoop, new Queue<>());
                IllegalStateException e = assertThrows(IllegalStateException.class,
                        () -> loop.runUntilComplete(awaits(fut)));
                assertTrue(e.getMessage().contains("attached to a different loop"), e.getMessage());
            } finally {
                otherLoop.close();
            }
        }
    }

    /** Adapted: Weft has no {@code Task.get_loop()}; the loop's own task list says which loop the task belongs to. */
    @Test
    void test_task_class() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<String> t = loop.createTask(notmuch());
            assertTrue(loop.allTasks().contains(t));
            loop.runUntilComplete(t);
            assertTrue(t.isDone());
            assertEquals("ok", t.result());
        }
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<String> t = loop.createTask(notmuch());
            assertTrue(loop.allTasks().contains(t));
            loop.runUntilComplete(t);
        }
    }

    @Async
    Task<Task<String>> createsInTheRunningLoop() {
        return done(createTask(notmuch()));
    }

    /**
     * Adapted: {@code ensure_future(coro)} is {@code createTask}. Weft has no global loop ({@code set_event_loop}), so
     * the deprecated global-loop part is left out.
     */
    @Test
    void test_ensure_future_coroutine() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<String> t = loop.createTask(notmuch());
            assertTrue(loop.allTasks().contains(t));
            loop.runUntilComplete(t);
            assertTrue(t.isDone());
            assertEquals("ok", t.result());

            Task<String> a = notmuch();
            IllegalStateException noLoop = assertThrows(IllegalStateException.class, () -> createTask(a));
            assertTrue(noLoop.getMessage().contains("no running event loop"), noLoop.getMessage());
            a.cancel();

            t = loop.runUntilComplete(createsInTheRunningLoop());
            loop.runUntilComplete(t);
            assertTrue(t.isDone());
            assertEquals("ok", t.result());
        }
    }

    /** Adapted: {@code ensure_future(task, loop=)} is {@code loop.createTask(task)}, which gives back the same task. */
    @Test
    void test_ensure_future_task() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<String> tOrig = loop.createTask(notmuch());
            Task<String> t = loop.createTask(tOrig);
            loop.runUntilComplete(t);
            assertTrue(t.isDone());
            assertEquals("ok", t.result());
            assertSame(tOrig, t);

            try (EventLoop other = EventLoop.newVirtualTimeLoop()) {
                assertThrows(IllegalArgumentException.class, () -> other.createTask(tOrig));
            }

            t = loop.createTask(tOrig);
            assertSame(tOrig, t);
        }
    }

    /** Adapted: the future is a pending queue get of one loop, handed to {@code createTask} of another. */
    @Test
    void test_ensure_future_error_msg() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<Object> f = pendingGet(loop, new Queue<>());
            try (EventLoop other = EventLoop.newVirtualTimeLoop()) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.createTask(f));
                assertTrue(e.getMessage().contains("loop"), e.getMessage());
            }
            f.cancel();
        }
    }

    // ---- names ----------------------------------------------------------------------------------------------------

    /** Adapted (no repr): tasks without a name get "Task-N", N increasing in the order the tasks were made. */
    @Test
    void test_task_repr_autogenerated() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<String> t1 = loop.createTask(notmuch());
            Task<String> t2 = loop.createTask(notmuch());
            assertNotEquals(t1.name(), t2.name());
            Pattern auto = Pattern.compile("^Task-(\\d+)$");
            Matcher match1 = auto.matcher(t1.name());
            assertTrue(match1.matches(), t1.name());
            Matcher match2 = auto.matcher(t2.name());
            assertTrue(match2.matches(), t2.name());
            assertTrue(Long.parseLong(match1.group(1)) < Long.parseLong(match2.group(1)));
            loop.runUntilComplete(t1);
            loop.runUntilComplete(t2);
        }
    }

    @Async
    Task<Void> createsANamedTask() {
        Task<Void> task = EventLoop.current().createTask(coroutineFunction(), "No-op");
        assertEquals("No-op", task.name());
        await(task);
        return done();
    }

    @Test
    void test_bare_create_named_task() {
        runVirtual(createsANamedTask());
    }

    // ---- running coroutines ---------------------------------------------------------------------------------------

    @Async
    static Task<Integer> inner1() {
        return done(42);
    }

    @Async
    static Task<Integer> inner2() {
        return done(1000);
    }

    @Async
    static Task<Integer> outer() {
        int a = await(inner1());
        int b = await(inner2());
        return done(a + b);
    }

    @Test
    void test_task_basics() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<Integer> t = outer();
            assertEquals(1042, loop.runUntilComplete(t));
        }
    }

    @Async
    static Task<Integer> one() {
        return done(1);
    }

    @Async
    Task<Void> createsAndAwaits() {
        Task<Integer> task = createTask(one());
        assertNotNull(task);
        int ret = await(task);
        assertEquals(1, ret);
        return done();
    }

    @Test
    void test_bare_create_task() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            loop.runUntilComplete(createsAndAwaits());
        }
    }

    /** Twice, as CPython does: making a task of a coroutine keeps working. */
    @Test
    void test_create_task_with_async_function() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<Void> task = loop.createTask(coroutineFunction());
            loop.runUntilComplete(task);
            assertTrue(task.isDone());

            task = loop.createTask(coroutineFunction());
            loop.runUntilComplete(task);
            assertTrue(task.isDone());
        }
    }

    /** A Task written by hand (Weft's extension point for adapters), done at once with 42. */
    static final class CoroLike extends Task<Integer> {
        @Override
        public boolean cancel() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public Integer result() {
            return 42;
        }

        @Override
        public Throwable exception() {
            return null;
        }

        @Override
        public String name() {
            return "CoroLike";
        }

        @Override
        public void addDoneCallback(Consumer<? super Task<Integer>> callback) {
            EventLoop.current().callSoon(() -> callback.accept(this));
        }

        @Override
        public CompletableFuture<Integer> toCompletableFuture() {
            return CompletableFuture.completedFuture(42);
        }
    }

    /** Adapted: Python's coroutine-like object becomes a Task implemented outside Weft; the loop runs it to 42. */
    @Test
    void test_create_task_with_asynclike_function() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<Integer> task = loop.createTask(new CoroLike());
            assertEquals(42, loop.runUntilComplete(task));

            task = loop.createTask(new CoroLike());
            assertEquals(42, loop.runUntilComplete(task));
        }
    }

    @Async
    static Task<String> func() {
        return done("test");
    }

    /** Adapted: a coroutine that never awaits is still a coroutine: calling it runs nothing; the loop runs it. */
    @Test
    void test_coroutine_non_gen_function() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<String> coro = func();
            assertFalse(coro.isDone());
            String res = loop.runUntilComplete(coro);
            assertEquals("test", res);
        }
    }

    @Async
    static Task<Task<String>> returnsFut(Task<String> fut) {
        return done(fut);
    }

    @Async
    static Task<Void> setsFut(Queue<String> q) {
        q.putNowait("test");
        return done();
    }

    /** A coroutine whose value is a task ends with that task as its value: it does not await it. */
    @Test
    void test_coroutine_non_gen_function_return_future() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Queue<String> q = new Queue<>();
            Task<String> fut = pendingGet(loop, q);
            Task<Task<String>> t1 = loop.createTask(returnsFut(fut));
            Task<Void> t2 = loop.createTask(setsFut(q));
            Task<String> res = loop.runUntilComplete(t1);
            assertSame(fut, res);
            assertNull(t2.result());
        }
    }

    /** A Task written by hand that notes whether anyone asked to hear of its completion. */
    static final class Fut extends Task<Object> {
        boolean cbAdded;
        private final EventLoop loop;
        private final List<Consumer<? super Task<Object>>> callbacks = new ArrayList<>();
        private final CompletableFuture<Object> future = new CompletableFuture<>();
        private boolean done;
        private Object result;

        Fut(EventLoop loop) {
            this.loop = loop;
        }

        void setResult(Object value) {
            done = true;
            result = value;
            future.complete(value);
            for (Consumer<? super Task<Object>> cb : callbacks) {
                loop.callSoon(() -> cb.accept(this));
            }
            callbacks.clear();
        }

        @Override
        public boolean cancel() {
            return false;
        }

        @Override
        public boolean isDone() {
            return done;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public Object result() {
            if (!done) {
                throw new IllegalStateException("not done");
            }
            return result;
        }

        @Override
        public Throwable exception() {
            return null;
        }

        @Override
        public String name() {
            return "Fut";
        }

        @Override
        public void addDoneCallback(Consumer<? super Task<Object>> callback) {
            cbAdded = true;
            if (done) {
                loop.callSoon(() -> callback.accept(this));
            } else {
                callbacks.add(callback);
            }
        }

        @Override
        public CompletableFuture<Object> toCompletableFuture() {
            cbAdded = true;   // Weft hears of a foreign Task's completion through its CompletableFuture
            return future;
        }
    }

    @Async
    Task<Void> waitsForFuture(Fut fut, Object[] result) {
        result[0] = await(fut);
        return done();
    }

    /**
     * A task waits on a foreign Task, and resumes with its very value. Adapted: Weft subscribes to a foreign Task
     * through {@code toCompletableFuture()} (completable from any thread), where asyncio adds a done callback.
     */
    @Test
    void test_step_result_future() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Fut fut = new Fut(loop);
            Object[] result = {null};
            Task<Void> t = loop.createTask(waitsForFuture(fut, result));
            runBriefly(loop);
            assertTrue(fut.cbAdded);

            Object res = new Object();
            fut.setResult(res);
            runBriefly(loop);
            assertSame(res, result[0]);
            assertTrue(t.isDone());
            assertNull(t.result());
        }
    }

    /** Adapted: the task is the coroutine in Weft, so what {@code get_coro()} gives back is the task itself. */
    @Test
    void test_get_coro() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<Void> coro = coroutineFunction();
            Task<Void> task = loop.createTask(coro);
            loop.runUntilComplete(task);
            assertSame(coro, task);
        }
    }

    // ---- exceptions -----------------------------------------------------------------------------------------------

    @Async
    static Task<Integer> divides(int by) {
        return done(1 / by);
    }

    @Async
    Task<Void> looksAtTheException() {
        Task<Integer> task = createTask(divides(0));
        await(sleep(0));
        Throwable e = task.exception();
        assertNotNull(e);
        assertTrue(e.getStackTrace().length > 0, "the exception keeps its stack trace");
        return done();
    }

    /** Adapted: Python's {@code __traceback__} is the Java exception's stack trace. */
    @Test
    void test_exception_traceback() {
        runVirtual(looksAtTheException());
    }

    @Async
    static Task<Void> raisesTypeError() {
        throw new ClassCastException("a TypeError");
    }

    @Async
    Task<Void> cancelsTheFailedTask() {
        Task<Void> task = createTask(raisesTypeError());
        await(sleep(50));
        task.cancel();
        return done();
    }

    /**
     * Calling {@code cancel()} on a task that failed marks its failure as seen: nothing is reported. Adapted: Weft
     * reports such failures when the loop closes (or the task is collected), so the check is made after the close.
     */
    @Test
    void test_tb_logger_not_called_after_cancel() {
        List<ExceptionContext> reported = new ArrayList<>();
        EventLoop loop = EventLoop.newVirtualTimeLoop();
        loop.setExceptionHandler((l, context) -> reported.add(context));
        loop.runUntilComplete(cancelsTheFailedTask());
        loop.close();
        assertEquals(List.of(), reported);
    }

    // ---- stopping the loop under a task ---------------------------------------------------------------------------

    @Async
    Task<Void> countsAndStops(int[] x) {
        while (x[0] < 10) {
            await(sleep(100));
            x[0] += 1;
            if (x[0] == 2) {
                EventLoop.current().stop();
            }
        }
        return done();
    }

    /**
     * Adapted time: CPython's fake clock moves on to a timer as soon as it is scheduled, so it reads 0.3 once the task
     * has asked for its third sleep; Weft's virtual clock moves only when the loop waits, so it reads 0.2.
     */
    @Test
    void test_stop_while_run_in_complete() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            int[] x = {0};
            Task<Void> t = loop.createTask(countsAndStops(x));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(t));
            assertTrue(e.getMessage().contains("stopped before"), e.getMessage());
            assertFalse(t.isDone());
            assertEquals(2, x[0]);
            assertEquals(0.2, loop.time(), 1e-9);

            t.cancel();
            assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
        }
    }

    @Async
    Task<Void> awaitsItself(Task<?>[] self) {
        await(self[0]);
        return done();
    }

    /** A task that awaits itself fails at once (asyncio: RuntimeError), instead of waiting for ever. */
    @Test
    void test_task_awaits_on_itself() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<?>[] self = new Task<?>[1];
            self[0] = loop.createTask(awaitsItself(self));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(self[0]));
            assertTrue(e.getMessage().contains("cannot await itself"), e.getMessage());
        }
    }
}
