package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.Queue;
import dev.weft.ReturnWhen;
import dev.weft.Task;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Port of the cancellation cases of CPython's {@code test_tasks.py}, {@code BaseTaskTests} (the half without wait,
 * gather, shield, sleep and the other combinators). asyncio's futures are pending queue gets here (see
 * {@link TasksTestCase}); white-box checks of {@code _fut_waiter} and {@code _must_cancel} have no Weft counterpart and
 * are left out.
 */
class TasksCancelTests extends TasksTestCase {

    @Async
    Task<Integer> sleepsThen12(long millis) {
        await(sleep(millis));
        return done(12);
    }

    @Async
    Task<Integer> yieldsTwiceThen12() {
        await(sleep(0));
        await(sleep(0));
        return done(12);
    }

    @Async
    Task<Integer> awaitsThen12(Task<?> f) {
        await(f);
        return done(12);
    }

    @Test
    void test_cancel() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<Integer> t = loop.createTask(sleepsThen12(10_000));
            loop.callSoon(t::cancel);
            assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
            assertTrue(t.isDone());
            assertTrue(t.isCancelled());
            assertFalse(t.cancel());
            assertEquals(0.0, loop.time(), "the ten-second sleep never ran out");
        }
    }

    @Test
    void test_cancel_yield() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<Integer> t = loop.createTask(yieldsTwiceThen12());
            runBriefly(loop);
            t.cancel();
            assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
            assertTrue(t.isDone());
            assertTrue(t.isCancelled());
            assertFalse(t.cancel());
        }
    }

    /** Cancelling what a task awaits ends the task cancelled too. */
    @Test
    void test_cancel_inner_future() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<Object> f = pendingGet(loop, new Queue<>());
            Task<Integer> t = loop.createTask(awaitsThen12(f));
            runBriefly(loop);
            f.cancel();
            assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
            assertTrue(f.isCancelled());
            assertTrue(t.isCancelled());
        }
    }

    @Test
    void test_cancel_both_task_and_inner_future() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<Object> f = pendingGet(loop, new Queue<>());
            Task<Integer> t = loop.createTask(awaitsThen12(f));
            runBriefly(loop);
            f.cancel();
            t.cancel();
            assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
            assertTrue(t.isDone());
            assertTrue(f.isCancelled());
            assertTrue(t.isCancelled());
        }
    }

    @Async
    Task<Integer> catchesTheSecond(Task<?> fut1, Task<?> fut2) {
        await(fut1);
        try {
            await(fut2);
        } catch (CancellationException e) {
            return done(42);
        }
        return done(null);
    }

    /** A task that catches its cancellation and returns a value ends with that value, not cancelled. */
    @Test
    void test_cancel_task_catching() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Queue<String> q1 = new Queue<>();
            Task<String> fut1 = pendingGet(loop, q1);
            Task<String> fut2 = pendingGet(loop, new Queue<>());
            Task<Integer> t = loop.createTask(catchesTheSecond(fut1, fut2));
            runBriefly(loop);
            q1.putNowait("done");
            runBriefly(loop);
            t.cancel();
            assertTrue(fut2.isCancelled());
            int res = loop.runUntilComplete(t);
            assertEquals(42, res);
            assertFalse(t.isCancelled());
        }
    }

    @Async
    Task<Integer> ignoresTheCancel(Task<?> fut1, Task<?> fut2, Task<Integer> fut3) {
        await(fut1);
        try {
            await(fut2);
        } catch (CancellationException e) {
            // ignored: the task goes on
        }
        int res = await(fut3);
        return done(res);
    }

    /** A task that swallows its cancellation goes on to its next await and ends with a value. */
    @Test
    void test_cancel_task_ignoring() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Queue<String> q1 = new Queue<>();
            Queue<Integer> q3 = new Queue<>();
            Task<String> fut1 = pendingGet(loop, q1);
            Task<String> fut2 = pendingGet(loop, new Queue<>());
            Task<Integer> fut3 = pendingGet(loop, q3);
            Task<Integer> t = loop.createTask(ignoresTheCancel(fut1, fut2, fut3));
            runBriefly(loop);
            q1.putNowait("done");
            runBriefly(loop);
            t.cancel();
            assertTrue(fut2.isCancelled());
            runBriefly(loop);
            q3.putNowait(42);
            int res = loop.runUntilComplete(t);
            assertEquals(42, res);
            assertFalse(fut3.isCancelled());
            assertFalse(t.isCancelled());
        }
    }

    @Async
    Task<Integer> cancelsItselfThenSleeps(Task<?>[] self) {
        self[0].cancel();
        await(sleep(100_000));
        return done(12);
    }

    /** A task that cancels itself is cancelled at its next await: the sleep ends at once. */
    @Test
    void test_cancel_current_task() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<?>[] self = new Task<?>[1];
            Task<Integer> t = loop.createTask(cancelsItselfThenSleeps(self));
            self[0] = t;
            assertFalse(t.isCancelled());
            assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
            assertTrue(t.isDone());
            assertTrue(t.isCancelled());
            assertFalse(t.cancel());
            assertEquals(0.0, loop.time(), "the sleep was cancelled before it began");
        }
    }

    @Async
    Task<Integer> cancelsItselfThenReturns(Task<?>[] self) {
        self[0].cancel();
        return done(12);
    }

    /** A task that cancels itself and then returns without awaiting again ends cancelled. */
    @Test
    void test_cancel_at_end() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<?>[] self = new Task<?>[1];
            Task<Integer> t = loop.createTask(cancelsItselfThenReturns(self));
            self[0] = t;
            assertFalse(t.isCancelled());
            assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
            assertTrue(t.isDone());
            assertTrue(t.isCancelled());
            assertFalse(t.cancel());
        }
    }

    @Async
    Task<Void> awaitsFut(Task<?> fut) {
        await(fut);
        return done();
    }

    @Async
    Task<Void> cancelsItselfThenAwaitsNested(Task<?>[] self, Task<?>[] nested, Task<?> fut) {
        nested[0] = createTask(awaitsFut(fut));
        await(sleep(0));
        self[0].cancel();
        await(nested[0]);
        return done();
    }

    /** A task cancelled while it runs passes the cancellation on to the next task it awaits. */
    @Test
    void test_cancel_awaited_task() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<Object> fut = pendingGet(loop, new Queue<>());
            Task<?>[] self = new Task<?>[1];
            Task<?>[] nested = new Task<?>[1];
            Task<Void> task = loop.createTask(cancelsItselfThenAwaitsNested(self, nested, fut));
            self[0] = task;
            assertThrows(CancellationException.class, () -> loop.runUntilComplete(task));
            assertTrue(task.isCancelled());
            assertTrue(nested[0].isCancelled());
            assertTrue(fut.isCancelled());
        }
    }

    // ---- a cancellation travels down a chain of awaits ------------------------------------------------------------

    @Async
    Task<Void> innerRecords(Task<?> waiter, int[] proof) {
        try {
            await(waiter);
        } catch (CancellationException e) {
            proof[0] += 1;
            throw e;
        }
        throw new AssertionError("got past the wait in inner()");
    }

    @Async
    Task<Void> outerCatches(Task<?> waiter, int[] proof) {
        try {
            await(innerRecords(waiter, proof));
        } catch (CancellationException e) {
            proof[0] += 100;
            return done();
        }
        proof[0] += 10;
        return done();
    }

    /** Cancelling the outer task cancels the coroutine it awaits, which cancels what that one awaits. */
    @Test
    void test_yield_future_passes_cancel() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            int[] proof = {0};
            Task<Object> waiter = pendingGet(loop, new Queue<>());
            Task<Void> f = loop.createTask(outerCatches(waiter, proof));
            runBriefly(loop);
            f.cancel();
            loop.runUntilComplete(f);
            assertEquals(101, proof[0]);
            assertTrue(waiter.isCancelled());
        }
    }

    /** An Error of Java's stands for asyncio's BaseException (SystemExit) here. */
    static final class Fatal extends Error {
        Fatal() {
            super("fatal");
        }
    }

    @Async
    Task<Void> tenSecondSleeper() {
        await(sleep(10_000));
        return done();
    }

    @Async
    Task<Void> throwsOnCancel(Error baseExc) {
        try {
            await(tenSecondSleeper());
        } catch (CancellationException e) {
            throw baseExc;
        }
        return done();
    }

    /**
     * A task that answers its cancellation with an Error ends with that Error, not cancelled. Adapted: Java has no
     * BaseException that a loop must let through, so the check that the Error escapes {@code run_briefly} is left out.
     */
    @Test
    void test_baseexception_during_cancel() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Fatal baseExc = new Fatal();
            Task<Void> task = loop.createTask(throwsOnCancel(baseExc));
            runBriefly(loop);
            task.cancel();
            assertFalse(task.isDone());
            runBriefly(loop);
            assertTrue(task.isDone());
            assertFalse(task.isCancelled());
            assertSame(baseExc, task.exception());
        }
    }

    // ---- where the trace of a cancellation points ------------------------------------------------------------------

    /** The source lines a trace must name: the nested task's sleep, and the line where the outer task took it. */
    private int sleepLine;
    private int targetLine;

    @Async
    Task<Void> nestedSleeps() {
        sleepLine = nextLine();
        await(sleep(10_000));
        return done();
    }

    @Async
    Task<Void> cancelsThenAwaits() {
        Task<Void> task = createTask(nestedSleeps());
        await(sleep(0));
        task.cancel();
        targetLine = nextLine();
        await(task);
        return done();
    }

    /** The trace of the cancellation that ends the awaiting task names the line the nested task was cancelled at. */
    @Test
    @Disabled("pending (async stack traces, not yet built): the trace lacks the line of the outer await")
    void test_cancel_traceback_for_future_result() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<Void> task = loop.createTask(cancelsThenAwaits());
            try {
                loop.runUntilComplete(task);
                fail("CancellationException did not occur");
            } catch (CancellationException e) {
                String tb = traceOf(e);
                assertTrue(tb.contains("(TasksCancelTests.java:" + sleepLine + ")"),
                        "the interrupted sleep, line " + sleepLine + ", in:\n" + tb);
                assertTrue(tb.contains("(TasksCancelTests.java:" + targetLine + ")"),
                        "the await of the cancelled task, line " + targetLine + ", in:\n" + tb);
            }
        }
    }

    @Async
    Task<Void> cancelsThenAsksForTheException() {
        Task<Void> task = createTask(nestedSleeps());
        await(sleep(0));
        task.cancel();
        await(waitTasks(List.of(task), ReturnWhen.ALL_COMPLETED));
        targetLine = nextLine();
        task.exception();
        return done();
    }

    /** The same when the cancellation comes out of {@code exception()}: the trace names that call too. */
    @Test
    @Disabled("pending (async stack traces, not yet built): the trace lacks the line of the exception() call")
    void test_cancel_traceback_for_future_exception() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            Task<Void> task = loop.createTask(cancelsThenAsksForTheException());
            try {
                loop.runUntilComplete(task);
                fail("CancellationException did not occur");
            } catch (CancellationException e) {
                String tb = traceOf(e);
                assertTrue(tb.contains("(TasksCancelTests.java:" + sleepLine + ")"),
                        "the interrupted sleep, line " + sleepLine + ", in:\n" + tb);
                assertTrue(tb.contains("(TasksCancelTests.java:" + targetLine + ")"),
                        "the call of exception(), line " + targetLine + ", in:\n" + tb);
            }
        }
    }
}
