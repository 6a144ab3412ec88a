package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.AsyncTimeoutException;
import dev.weft.Event;
import dev.weft.EventLoop;
import dev.weft.Queue;
import dev.weft.ReturnWhen;
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
import static dev.weft.Weft.waitTasks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * CPython's {@code AsyncioWaitForTest} (test_waitfor.py): {@code asyncio.wait_for} is {@code Weft.waitFor(task,
 * Duration)}. Everything runs in virtual time; CPython's small {@code _EPSILON} timeout is kept as 100 microseconds.
 */
class WaitForTests extends AsyncioTestCase {

    private static final Duration EPSILON = Duration.ofNanos(100_000);

    /**
     * A task that runs for {@link #TASK_TIMEOUT} seconds whatever cancels it. Adapted: it reads the loop's clock where
     * CPython's reads {@code time.monotonic()}, so that it runs in virtual time.
     */
    static final class SlowTask {
        static final double TASK_TIMEOUT = 0.2;
        boolean exited;

        @Async
        Task<Void> run() {
            EventLoop loop = EventLoop.current();
            double exitAt = loop.time() + TASK_TIMEOUT;
            while (true) {
                double toSleep = exitAt - loop.time();
                if (toSleep <= 0) {
                    break;
                }
                try {
                    await(sleep(Duration.ofNanos((long) Math.ceil(toSleep * 1e9))));
                } catch (CancellationException ignored) {
                    // it goes on sleeping
                }
            }
            exited = true;
            return done();
        }
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }

    @Async
    Task<Void> asyncioWaitForCancelled() {
        SlowTask t = new SlowTask();
        Task<Void> waitForTask = createTask(waitFor(t.run(), seconds(SlowTask.TASK_TIMEOUT * 2)));
        await(sleep(0));
        waitForTask.cancel();
        await(waitTasks(List.of(waitForTask), ReturnWhen.ALL_COMPLETED));
        assertTrue(t.exited);
        return done();
    }

    @Test
    void test_asyncio_wait_for_cancelled() {
        runVirtual(asyncioWaitForCancelled());
    }

    @Async
    Task<Void> asyncioWaitForTimeout() {
        SlowTask t = new SlowTask();
        try {
            await(waitFor(t.run(), seconds(SlowTask.TASK_TIMEOUT / 2)));
        } catch (AsyncTimeoutException ignored) {
            // the outcome does not matter: the task must have run to its end
        }
        assertTrue(t.exited);
        return done();
    }

    @Test
    void test_asyncio_wait_for_timeout() {
        runVirtual(asyncioWaitForTimeout());
    }

    /** Adapted: a task already done ({@code done(value)}) stands for CPython's future with its result set. */
    @Async
    Task<Void> timeoutZeroFutureDone() {
        Task<String> fut = done("done");
        String ret = await(waitFor(fut, Duration.ZERO));
        assertEquals("done", ret);
        assertTrue(fut.isDone());
        return done();
    }

    @Test
    void test_wait_for_timeout_less_then_0_or_0_future_done() {
        runVirtual(timeoutZeroFutureDone());
    }

    private boolean fooStarted;

    @Async
    Task<Void> fooStarts() {
        fooStarted = true;
        return done();
    }

    @Async
    Task<Void> timeoutZeroCoroutineNotStarted() {
        try {
            await(waitFor(fooStarts(), Duration.ZERO));
            fail("waitFor with a zero timeout did not time out");
        } catch (AsyncTimeoutException expected) {
            // as CPython's assertRaises(TimeoutError)
        }
        assertFalse(fooStarted);
        return done();
    }

    @Test
    void test_wait_for_timeout_less_then_0_or_0_coroutine_do_not_started() {
        runVirtual(timeoutZeroCoroutineNotStarted());
    }

    private Boolean fooRunning;

    @Async
    Task<String> fooSleeps(Event started, Duration length) {
        fooRunning = true;
        started.set();
        try {
            await(sleep(length));
        } finally {
            fooRunning = false;
        }
        return done("done");
    }

    /** Adapted: an {@link Event} stands for CPython's {@code started} future. */
    @Async
    Task<Void> timeoutZeroOrNegative() {
        for (Duration timeout : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1)}) {
            fooRunning = null;
            Event started = new Event();
            Task<String> fut = createTask(fooSleeps(started, Duration.ofSeconds(10)));
            await(started.waitSet());

            try {
                await(waitFor(fut, timeout));
                fail("timeout " + timeout + ": no AsyncTimeoutException");
            } catch (AsyncTimeoutException expected) {
                // as CPython's assertRaises(TimeoutError)
            }

            assertTrue(fut.isDone(), "timeout " + timeout);
            assertTrue(fut.isCancelled(), "timeout " + timeout);
            assertEquals(false, fooRunning, "timeout " + timeout);
        }
        return done();
    }

    @Test
    void test_wait_for_timeout_less_then_0_or_0() {
        runVirtual(timeoutZeroOrNegative());
    }

    @Async
    Task<Void> waitForTimesOut() {
        fooRunning = null;
        Task<String> fut = createTask(fooSleeps(new Event(), Duration.ofMinutes(5)));
        try {
            await(waitFor(fut, Duration.ofMillis(100)));
            fail("no AsyncTimeoutException");
        } catch (AsyncTimeoutException expected) {
            // as CPython's assertRaises(TimeoutError)
        }
        assertTrue(fut.isDone());
        assertTrue(fut.isCancelled());
        assertEquals(false, fooRunning);
        return done();
    }

    @Test
    void test_wait_for() {
        runVirtual(waitForTimesOut());
    }

    /** Adapted: a queue's pending {@code get()} stands for CPython's future, completed from a loop callback. */
    @Async
    Task<Void> raceCondition() {
        EventLoop loop = EventLoop.current();
        Queue<String> q = new Queue<>();
        Task<String> fut = q.get();
        Task<String> task = waitFor(fut, Duration.ofMillis(200));
        loop.callSoon(() -> q.putNowait("ok"));
        String res = await(task);
        assertEquals("ok", res);
        return done();
    }

    @Test
    void test_wait_for_race_condition() {
        runVirtual(raceCondition());
    }

    @Async
    Task<Integer> innerReturnsOne() {
        try {
            await(sleep(1000));
            fail("the sleep was not cancelled");
        } catch (CancellationException expected) {
            // as CPython's assertRaises(CancelledError)
        }
        return done(1);
    }

    @Async
    Task<Void> cancellationRaceCondition() {
        int result = await(waitFor(innerReturnsOne(), Duration.ofMillis(10)));
        assertEquals(1, result);
        return done();
    }

    @Test
    void test_wait_for_cancellation_race_condition() {
        runVirtual(cancellationRaceCondition());
    }

    private boolean taskDone;

    @Async
    Task<Void> slowToCancel() {
        try {
            await(sleep(10_000));
        } catch (CancellationException e) {
            await(sleep(EPSILON));
            throw e;
        } finally {
            taskDone = true;
        }
        return done();
    }

    @Async
    Task<Void> waitsForTaskCancellation() {
        Task<Void> innerTask = createTask(slowToCancel());
        try {
            await(waitFor(innerTask, EPSILON));
            fail("no AsyncTimeoutException");
        } catch (AsyncTimeoutException e) {
            assertTrue(taskDone);
            assertInstanceOf(CancellationException.class, e.getCause(), "the cause of the timeout");
        }
        return done();
    }

    @Test
    void test_wait_for_waits_for_task_cancellation() {
        runVirtual(waitsForTaskCancellation());
    }

    @Async
    Task<Void> fooWaitsWithTimeoutZero() {
        Task<Void> innerTask = createTask(slowToCancel());
        await(sleep(EPSILON));
        await(waitFor(innerTask, Duration.ZERO));
        return done();
    }

    @Async
    Task<Void> waitsForTaskCancellationTimeoutZero() {
        try {
            await(fooWaitsWithTimeoutZero());
            fail("no AsyncTimeoutException");
        } catch (AsyncTimeoutException e) {
            assertTrue(taskDone);
            assertInstanceOf(CancellationException.class, e.getCause(), "the cause of the timeout");
        }
        return done();
    }

    @Test
    void test_wait_for_waits_for_task_cancellation_w_timeout_0() {
        runVirtual(waitsForTaskCancellationTimeoutZero());
    }

    static final class FooException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    @Async
    @SuppressWarnings("finally")
    Task<Void> raisesInFinally() throws FooException {
        try {
            await(sleep(200));
        } finally {
            throw new FooException();
        }
    }

    @Async
    Task<Void> fooReraises() throws FooException {
        Task<Void> innerTask = createTask(raisesInFinally());
        await(waitFor(innerTask, EPSILON));
        return done();
    }

    @Test
    void test_wait_for_reraises_exception_during_cancellation() {
        assertThrows(FooException.class, () -> runVirtual(fooReraises()));
    }

    /** Adapted: an {@link Event} that is never set stands for CPython's future whose result is never set. */
    @Async
    Task<Void> blockingCoroutine() {
        await(new Event().waitSet());
        return done();
    }

    @Async
    Task<Void> cancelWaitFor(Duration timeout) {
        EventLoop loop = EventLoop.current();
        Task<Void> task = createTask(blockingCoroutine());
        Task<Void> wait = createTask(waitFor(task, timeout));
        loop.callSoon(wait::cancel);
        try {
            await(wait);
            fail("the wait was not cancelled");
        } catch (CancellationException expected) {
            // as CPython's assertRaises(CancelledError)
        }
        // cancelling the wait cancels its task too
        assertTrue(task.isCancelled());
        return done();
    }

    @Test
    void test_cancel_wait_for() {
        runVirtual(cancelWaitFor(Duration.ofSeconds(60)));
    }

    @Async
    Task<Integer> return42() {
        try {
            await(sleep(10_000));
        } catch (CancellationException e) {
            return done(42);
        }
        return done(0);
    }

    /** A task that swallows its cancellation and returns a value: waitFor gives the value. */
    @Async
    Task<Void> cancelSuppressed() {
        int res = await(waitFor(return42(), Duration.ofMillis(100)));
        assertEquals(42, res);
        return done();
    }

    @Test
    void test_wait_for_cancel_suppressed() {
        runVirtual(cancelSuppressed());
    }

    private boolean reachedEnd;

    @Async
    Task<String> innerDone() {
        return done("done");
    }

    @Async
    Task<Void> waitForCoro(Task<String> innerTask) {
        await(waitFor(innerTask, Duration.ofSeconds(100)));
        await(sleep(1000));
        reachedEnd = true;
        return done();
    }

    /** Cancelled after its waitFor returned, the task is cancelled at its next await and does not run on. */
    @Async
    Task<Void> issue86296() {
        Task<String> innerTask = createTask(innerDone());
        Task<Void> task = createTask(waitForCoro(innerTask));
        assertFalse(task.isDone());
        await(sleep(0));
        task.cancel();
        try {
            await(task);
            fail("the task was not cancelled");
        } catch (CancellationException expected) {
            // as CPython's assertRaises(CancelledError)
        }
        assertTrue(innerTask.isDone());
        assertEquals("done", await(innerTask));
        assertFalse(reachedEnd);
        return done();
    }

    @Test
    void test_wait_for_issue86296() {
        runVirtual(issue86296());
    }
}
