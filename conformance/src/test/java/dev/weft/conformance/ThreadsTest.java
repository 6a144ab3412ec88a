package dev.weft.conformance;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** toThread, runInExecutor and runCoroutineThreadsafe: blocking work elsewhere, coroutine code on the loop thread. */
class ThreadsTest {

    @Async
    Task<String> blockingCallOnAnotherThread() {
        Thread loopThread = Thread.currentThread();
        Thread[] worker = new Thread[1];
        String v = await(toThread(() -> {
            worker[0] = Thread.currentThread();
            Thread.sleep(10);
            return "from a thread";
        }));
        assertNotSame(loopThread, worker[0]);
        assertSame(loopThread, Thread.currentThread());
        return done(v);
    }

    @Test
    void toThreadRunsTheCallElsewhereAndResumesOnTheLoopThread() {
        assertEquals("from a thread", run(blockingCallOnAnotherThread()));
    }

    @Async
    Task<Exception> threadFailure(Exception failure) {
        try {
            await(toThread(() -> {
                throw failure;
            }));
            return done(null);
        } catch (Exception e) {
            return done(e);
        }
    }

    @Test
    void aCheckedExceptionOfTheCallArrivesUnwrapped() {
        Exception failure = new java.io.IOException("disk");
        assertSame(failure, run(threadFailure(failure)));
    }

    @Async
    Task<Integer> manyThreadsAtOnce() {
        CountDownLatch all = new CountDownLatch(8);
        java.util.List<Task<Integer>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            calls.add(toThread(() -> {
                all.countDown();
                assertTrue(all.await(30, TimeUnit.SECONDS), "the calls did not run concurrently");
                return n;
            }));
        }
        int sum = 0;
        for (int v : await(gather(calls))) {
            sum += v;
        }
        return done(sum);
    }

    @Test
    void callsRunConcurrentlyWhileTheLoopWaits() {
        assertEquals(28, run(manyThreadsAtOnce()));
    }

    @Async
    Task<String> onAGivenExecutor(ExecutorService executor) {
        String name = await(EventLoop.current().runInExecutor(executor, () -> Thread.currentThread().getName()));
        return done(name);
    }

    @Test
    void runInExecutorUsesTheGivenExecutor() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "given-executor"));
        try {
            assertEquals("given-executor", run(onAGivenExecutor(executor)));
        } finally {
            executor.shutdownNow();
        }
    }

    @Async
    Task<Integer> slowSquare(int x) {
        await(sleep(5));
        return done(x * x);
    }

    @Async
    Task<Void> sleepsForever() {
        await(sleep(3_600_000));
        return done();
    }

    @Test
    void runCoroutineThreadsafeGivesOtherThreadsAFuture() throws Exception {
        EventLoop loop = EventLoop.newEventLoop();
        Thread loopThread = new Thread(loop::runForever, "loop");
        loopThread.start();
        try {
            CompletableFuture<Integer> square = runCoroutineThreadsafe(slowSquare(7), loop);
            assertEquals(49, square.get(30, TimeUnit.SECONDS));

            CompletableFuture<Void> forever = runCoroutineThreadsafe(sleepsForever(), loop);
            Thread.sleep(20);
            forever.cancel(false);
            assertThrows(CancellationException.class, () -> forever.get(30, TimeUnit.SECONDS));
            CompletableFuture<Integer> tasksLeft = new CompletableFuture<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                CompletableFuture<Integer> count = new CompletableFuture<>();
                loop.callSoonThreadsafe(() -> count.complete(loop.allTasks().size()));
                if (count.get(30, TimeUnit.SECONDS) == 0) {
                    tasksLeft.complete(0);
                    break;
                }
                Thread.sleep(5);
            }
            assertEquals(0, tasksLeft.getNow(-1), "cancelling the future did not cancel the task");
        } finally {
            loop.callSoonThreadsafe(loop::stop);
            loopThread.join(30_000);
            loop.close();
        }
    }

    @Test
    void runCoroutineThreadsafeOnAClosedLoopFailsAtOnce() {
        EventLoop loop = EventLoop.newEventLoop();
        loop.close();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> runCoroutineThreadsafe(slowSquare(2), loop).get(1, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IllegalStateException);
    }
}
