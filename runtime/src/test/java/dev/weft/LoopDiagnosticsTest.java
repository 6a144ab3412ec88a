package dev.weft;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop's exception handler, debug mode, clocks and thread hand-offs. */
class LoopDiagnosticsTest {

    @Test
    void theExceptionHandlerSeesCallbackFailuresAndTheLoopGoesOn() {
        List<ExceptionContext> seen = new ArrayList<>();
        RuntimeException boom = new RuntimeException("boom");
        try (EventLoop loop = EventLoop.newEventLoop()) {
            loop.setExceptionHandler((l, context) -> {
                assertSame(loop, l);
                seen.add(context);
            });
            List<String> steps = new ArrayList<>();
            loop.callSoon(() -> steps.add("1"));
            loop.callSoon(() -> {
                throw boom;
            });
            loop.callSoon(() -> {
                steps.add("3");
                loop.stop();
            });
            loop.runForever();
            assertEquals(List.of("1", "3"), steps);
        }
        assertEquals(1, seen.size());
        assertSame(boom, seen.get(0).exception());
        assertTrue(seen.get(0).message().startsWith("Exception in callback"), seen.get(0).message());
    }

    @Test
    void aFailureNoOneRetrievedReachesTheHandlerWhenTheLoopCloses() {
        List<ExceptionContext> seen = new ArrayList<>();
        IllegalStateException failure = new IllegalStateException("lost");
        EventLoop loop = EventLoop.newEventLoop();
        loop.setExceptionHandler((l, context) -> seen.add(context));
        CompletableFuture<String> failed = CompletableFuture.failedFuture(failure);
        loop.runUntilComplete(Weft.sleep(1));
        Task<String> forgotten = loop.runInExecutor(null, () -> {
            throw failure;
        });
        for (int i = 0; i < 1000 && !forgotten.isDone(); i++) {   // the thread may start late on a loaded machine
            loop.runUntilComplete(Weft.sleep(10));
        }
        assertTrue(forgotten.isDone());
        loop.close();
        assertEquals(1, seen.size(), seen.toString());
        assertTrue(seen.get(0).message().startsWith("Task exception was never retrieved"), seen.get(0).message());
        assertSame(failure, seen.get(0).exception());
        assertTrue(failed.isCompletedExceptionally());
    }

    /** Fails a task on the loop, waits until it is done, and drops every reference to it. */
    private static void failAndForget(EventLoop loop, RuntimeException failure) {
        Task<String> forgotten = loop.runInExecutor(null, () -> {
            throw failure;
        });
        for (int i = 0; i < 1000 && !forgotten.isDone(); i++) {
            loop.runUntilComplete(Weft.sleep(1));
        }
        assertTrue(forgotten.isDone());
    }

    @Test
    void aFailureNoOneRetrievedIsReportedWhenItsTaskIsCollectedAndOnlyOnce() {
        List<ExceptionContext> seen = new ArrayList<>();
        IllegalStateException failure = new IllegalStateException("collected unread");
        EventLoop loop = EventLoop.newEventLoop();
        loop.setExceptionHandler((l, context) -> seen.add(context));
        failAndForget(loop, failure);
        for (int i = 0; i < 500 && seen.isEmpty(); i++) {
            System.gc();
            loop.runUntilComplete(Weft.sleep(10));
        }
        assertEquals(1, seen.size(), "not reported while the loop ran: " + seen);
        assertTrue(seen.get(0).message().startsWith("Task exception was never retrieved"), seen.get(0).message());
        assertSame(failure, seen.get(0).exception());
        loop.close();
        assertEquals(1, seen.size(), "reported again at close: " + seen);
    }

    @Test
    void debugModeReportsSlowCallbacksWithTheirDuration() {
        List<String> seen = new ArrayList<>();
        try (EventLoop loop = EventLoop.newEventLoop()) {
            loop.setDebug(true);
            loop.setSlowCallbackDuration(Duration.ofMillis(20));
            loop.setExceptionHandler((l, context) -> seen.add(context.message()));
            loop.callSoon(() -> {
                long end = System.nanoTime() + 40_000_000L;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            });
            loop.callSoon(loop::stop);
            loop.runForever();
        }
        assertEquals(1, seen.size(), seen.toString());
        assertTrue(seen.get(0).matches("Executing .* took 0\\.0[4-9]\\d seconds|Executing .* took 0\\.[1-9]\\d\\d seconds"),
                seen.get(0));
    }

    @Test
    void aVirtualTimeLoopRunsAnHourOfTimersInstantlyInOrder() {
        try (EventLoop loop = EventLoop.newVirtualTimeLoop()) {
            List<Double> fired = new ArrayList<>();
            loop.callLater(Duration.ofMinutes(60), () -> {
                fired.add(loop.time());
                loop.stop();
            });
            loop.callLater(Duration.ofMinutes(30), () -> fired.add(loop.time()));
            long start = System.nanoTime();
            loop.runForever();
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "virtual time waited for real");
            assertEquals(List.of(1800.0, 3600.0), fired);
            assertNull(loop.runUntilComplete(Weft.sleep(Duration.ofDays(1))));
            assertEquals(3600.0 + 86400.0, loop.time(), 1e-6);
        }
    }

    @Test
    void anInjectedClockDrivesTimers() {
        AtomicLong now = new AtomicLong(1_000);
        try (EventLoop loop = EventLoop.newEventLoop(now::get)) {
            List<String> steps = new ArrayList<>();
            loop.callLater(Duration.ofNanos(500), () -> steps.add("due"));
            loop.callSoon(() -> {
                steps.add("tick");
                now.addAndGet(1_000);
            });
            loop.callSoon(() -> loop.callSoon(loop::stop));
            loop.runForever();
            assertEquals(List.of("tick", "due"), steps);
            assertEquals(1e-6, loop.time(), 1e-12);
        }
    }

    @Test
    void aMillionCallbacksFromFourThreadsRunExactlyOnceEach() throws Exception {
        int perThread = 250_000;
        int threads = 4;
        int[][] runs = new int[threads][perThread];
        long[] count = {0};
        try (EventLoop loop = EventLoop.newEventLoop()) {
            List<Thread> producers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                producers.add(new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        int n = i;
                        loop.callSoonThreadsafe(() -> {
                            runs[thread][n]++;
                            if (++count[0] == (long) threads * perThread) {
                                loop.stop();
                            }
                        });
                    }
                }, "producer-" + t));
            }
            producers.forEach(Thread::start);
            loop.runForever();
            for (Thread p : producers) {
                p.join(60_000);
            }
        }
        assertEquals((long) threads * perThread, count[0]);
        for (int[] thread : runs) {
            for (int n : thread) {
                assertEquals(1, n);
            }
        }
    }

    @Test
    void callbacksFromOneThreadRunInTheOrderThatThreadScheduledThem() throws Exception {
        List<Integer> order = new ArrayList<>();
        try (EventLoop loop = EventLoop.newEventLoop()) {
            Thread producer = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    int n = i;
                    loop.callSoonThreadsafe(() -> order.add(n));
                }
                loop.callSoonThreadsafe(loop::stop);
            });
            producer.start();
            loop.runForever();
            producer.join();
        }
        for (int i = 0; i < order.size(); i++) {
            assertEquals(i, order.get(i));
        }
        assertEquals(10_000, order.size());
    }
}
