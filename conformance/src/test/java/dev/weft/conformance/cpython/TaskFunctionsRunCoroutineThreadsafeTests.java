package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.weft.Weft.await;
import static dev.weft.Weft.currentTask;
import static dev.weft.Weft.done;
import static dev.weft.Weft.runCoroutineThreadsafe;
import static dev.weft.Weft.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CPython's {@code RunCoroutineThreadsafeTests}: a thread of the loop's executor submits a coroutine to the loop and
 * blocks on the future it gets back. The loop keeps real time, as CPython's does here: on virtual time the 50 ms
 * sleep would pass at once and race the blocked thread's zero timeout.
 */
class TaskFunctionsRunCoroutineThreadsafeTests extends TaskFunctionsSupport {

    @Override
    protected EventLoop createLoop() {
        return EventLoop.newEventLoop();
    }

    /** Sleeps 50 ms, then gives {@code a + b}, fails, or cancels itself, as CPython's {@code add}. */
    @Async
    Task<Integer> add(int a, int b, boolean fail, boolean cancel) {
        await(sleep(50));
        if (fail) {
            throw new RuntimeException("Fail!");
        }
        if (cancel) {
            currentTask().cancel();
            await(sleep(0));
        }
        return done(a + b);
    }

    /**
     * CPython's {@code target}: runs on a thread that is not the loop's. {@code future.result(timeout)} becomes
     * {@code get}, with the wrapper of an {@link ExecutionException} taken off as Python's {@code result()} raises
     * the exception itself; a null timeout waits as long as it takes.
     */
    private int target(boolean fail, boolean cancel, Long timeoutMillis) throws Exception {
        CompletableFuture<Integer> future = runCoroutineThreadsafe(add(1, 2, fail, cancel), loop);
        try {
            return timeoutMillis == null ? future.get() : future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        } finally {
            if (!future.isDone()) {
                future.cancel(false);
            }
        }
    }

    @Test
    void test_run_coroutine_threadsafe() {
        Task<Integer> future = loop.runInExecutor(null, () -> target(false, false, null));
        int result = loop.runUntilComplete(future);
        assertEquals(3, result);
    }

    @Test
    void test_run_coroutine_threadsafe_with_exception() {
        Task<Integer> future = loop.runInExecutor(null, () -> target(true, false, null));
        RuntimeException e = assertThrows(RuntimeException.class, () -> loop.runUntilComplete(future));
        assertEquals("Fail!", e.getMessage());
    }

    /** Adapted: the blocking future's timeout is Java's TimeoutException (Python's concurrent TimeoutError). */
    @Test
    void test_run_coroutine_threadsafe_with_timeout() {
        Task<Integer> future = loop.runInExecutor(null, () -> target(false, false, 0L));
        assertThrows(TimeoutException.class, () -> loop.runUntilComplete(future));
        runBriefly(loop);
        for (Task<?> task : loop.allTasks()) {
            assertTrue(task.isDone(), task + " is still pending: the timed-out coroutine was not cancelled");
        }
    }

    @Test
    void test_run_coroutine_threadsafe_task_cancelled() {
        Task<Integer> future = loop.runInExecutor(null, () -> target(false, true, null));
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(future));
    }
}
