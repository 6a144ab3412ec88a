package dev.weft;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop's ordering rules, with interleavings asserted step by step. */
class EventLoopTest {

    @Test
    void callbacksRunInTheOrderTheyWereScheduledAndNewOnesWaitForTheNextIteration() {
        List<String> steps = new ArrayList<>();
        try (EventLoop loop = EventLoop.newEventLoop()) {
            loop.callSoon(() -> {
                steps.add("1");
                loop.callSoon(() -> steps.add("4 scheduled by 1"));
            });
            loop.callSoon(() -> steps.add("2"));
            loop.callSoon(() -> {
                steps.add("3");
                loop.stop();
            });
            loop.runForever();
            assertEquals(List.of("1", "2", "3"), steps);
            loop.callSoon(loop::stop);
            loop.runForever();
            assertEquals(List.of("1", "2", "3", "4 scheduled by 1"), steps);
        }
    }

    @Test
    void timersFireInDeadlineOrderAndNeverEarly() {
        // Deadlines are far apart: each callLater reads the clock, and a loaded machine may stall between the calls.
        List<String> steps = new ArrayList<>();
        try (EventLoop loop = EventLoop.newEventLoop()) {
            double start = loop.time();
            double[] fired = new double[3];
            loop.callLater(Duration.ofMillis(300), () -> {
                fired[2] = loop.time();
                steps.add("300ms");
                loop.stop();
            });
            loop.callLater(Duration.ofMillis(10), () -> {
                fired[0] = loop.time();
                steps.add("10ms");
            });
            loop.callLater(Duration.ofMillis(150), () -> {
                fired[1] = loop.time();
                steps.add("150ms");
            });
            loop.runForever();
            assertEquals(List.of("10ms", "150ms", "300ms"), steps);
            assertTrue(fired[0] - start >= 0.010, "fired early: " + (fired[0] - start));
            assertTrue(fired[1] - start >= 0.150, "fired early: " + (fired[1] - start));
            assertTrue(fired[2] - start >= 0.300, "fired early: " + (fired[2] - start));
        }
    }

    @Test
    void timersWithTheSameDeadlineFireInScheduleOrderAndCancelledOnesNever() {
        List<Integer> steps = new ArrayList<>();
        try (EventLoop loop = EventLoop.newEventLoop()) {
            List<TimerHandle> handles = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                handles.add(loop.callLater(Duration.ZERO, () -> steps.add(n)));
            }
            handles.get(3).cancel();
            handles.get(7).cancel();
            assertTrue(handles.get(3).isCancelled());
            loop.callLater(Duration.ofMillis(5), loop::stop);
            loop.runForever();
            assertEquals(List.of(0, 1, 2, 4, 5, 6, 8, 9), steps);
        }
    }

    @Test
    void callSoonThreadsafeWakesAWaitingLoopAtOnce() throws Exception {
        try (EventLoop loop = EventLoop.newEventLoop()) {
            CountDownLatch running = new CountDownLatch(1);
            loop.callSoon(running::countDown);
            // A far timer: without a wake-up the loop would sleep for a minute.
            loop.callLater(Duration.ofMinutes(1), () -> { });
            Thread other = new Thread(() -> {
                try {
                    running.await(10, TimeUnit.SECONDS);
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                loop.callSoonThreadsafe(loop::stop);
            });
            other.start();
            long begin = System.nanoTime();
            loop.runForever();
            assertTrue(System.nanoTime() - begin < TimeUnit.SECONDS.toNanos(30), "loop was not woken");
            other.join();
        }
    }

    @Test
    void callSoonFromAnotherThreadWhileRunningIsRefused() throws Exception {
        try (EventLoop loop = EventLoop.newEventLoop()) {
            CompletableFuture<Throwable> error = new CompletableFuture<>();
            loop.callSoon(() -> {
                Thread t = new Thread(() -> {
                    try {
                        loop.callSoon(() -> { });
                        error.complete(null);
                    } catch (Throwable e) {
                        error.complete(e);
                    }
                    loop.callSoonThreadsafe(loop::stop);
                });
                t.start();
            });
            loop.runForever();
            Throwable e = error.get(10, TimeUnit.SECONDS);
            assertTrue(e instanceof IllegalStateException && e.getMessage().contains("callSoonThreadsafe"),
                    String.valueOf(e));
        }
    }

    @Test
    void runUntilCompleteReturnsTheValueOfASleepAndOfAStage() {
        try (EventLoop loop = EventLoop.newEventLoop()) {
            assertEquals(null, loop.runUntilComplete(Weft.sleep(5)));
            CompletableFuture<String> cf = new CompletableFuture<>();
            new Thread(() -> cf.complete("from another thread")).start();
            assertEquals("from another thread", loop.runUntilComplete(new StageAsTask<>(cf)));
        }
    }

    @Test
    void runUntilCompleteThrowsTheSameExceptionInstanceUnwrapped() {
        Exception failure = new java.io.IOException("disk");
        CompletableFuture<String> cf = CompletableFuture.supplyAsync(() -> {
            throw new java.util.concurrent.CompletionException(failure);
        });
        try (EventLoop loop = EventLoop.newEventLoop()) {
            Throwable thrown = assertThrows(Throwable.class, () -> loop.runUntilComplete(new StageAsTask<>(cf)));
            assertSame(failure, thrown);
        }
    }

    @Test
    void stopBeforeTheTaskCompletesIsAnError() {
        try (EventLoop loop = EventLoop.newEventLoop()) {
            loop.callSoon(loop::stop);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> loop.runUntilComplete(Weft.sleep(60_000)));
            assertTrue(e.getMessage().contains("stopped before"), e.getMessage());
        }
    }

    @Test
    void aTaskDoneOnAClosedLoopGivesItsResultToAnotherLoopAndRefusesNewCallbacks() {
        Task<Void> slept = Weft.sleep(1);
        Weft.run(slept);   // done on a loop that is now closed
        try (EventLoop loop = EventLoop.newEventLoop()) {
            assertEquals(null, loop.runUntilComplete(slept), "returns at once instead of waiting for a callback");
        }
        assertEquals(null, Weft.run(slept));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> slept.addDoneCallback(t -> { }));
        assertTrue(e.getMessage().contains("is closed"), e.getMessage());
    }

    @Test
    void aPendingTaskOfAnotherLoopIsRefusedInsteadOfWaitedForForever() {
        try (EventLoop first = EventLoop.newEventLoop(); EventLoop second = EventLoop.newEventLoop()) {
            Task<Void> pending = first.createTask(Weft.sleep(60_000));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> second.runUntilComplete(pending));
            assertTrue(e.getMessage().contains("another event loop"), e.getMessage());
        }
    }

    @Test
    void aClosedLoopRefusesToRunAndCloseIsIdempotent() {
        EventLoop loop = EventLoop.newEventLoop();
        loop.close();
        loop.close();
        assertTrue(loop.isClosed());
        assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(Weft.done(1)));
    }

    @Test
    void currentIsTheRunningLoopAndAnErrorOutsideOne() {
        assertThrows(IllegalStateException.class, EventLoop::current);
        assertThrows(IllegalStateException.class, () -> Weft.createTask(Weft.sleep(1)));
        try (EventLoop loop = EventLoop.newEventLoop()) {
            EventLoop[] seen = new EventLoop[1];
            loop.callSoon(() -> {
                seen[0] = EventLoop.current();
                loop.stop();
            });
            loop.runForever();
            assertSame(loop, seen[0]);
            assertFalse(loop.isRunning());
        }
    }

    @Test
    void runInsideARunningLoopIsRefused() {
        try (EventLoop loop = EventLoop.newEventLoop()) {
            Throwable[] error = new Throwable[1];
            loop.callSoon(() -> {
                try {
                    Weft.run(Weft.done(1));
                } catch (Throwable e) {
                    error[0] = e;
                }
                loop.stop();
            });
            loop.runForever();
            assertTrue(error[0] instanceof IllegalStateException, String.valueOf(error[0]));
        }
    }

    @Test
    void doneTasksCarryTheirValue() {
        Task<String> t = Weft.done("v");
        assertTrue(t.isDone());
        assertEquals("v", t.result());
        assertEquals(null, t.exception());
        assertFalse(t.cancel());
        assertEquals(null, Weft.done().result());
        assertEquals("v", Weft.run(t));
    }

    @Test
    void sleepRejectsNegativeTimes() {
        assertThrows(IllegalArgumentException.class, () -> Weft.sleep(-1));
        assertThrows(IllegalArgumentException.class, () -> Weft.sleep(Duration.ofMillis(-1)));
    }

    @Test
    void awaitInCodeThatWasNotWovenThrowsNamingTheCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Weft.await(Weft.done(1)));
        assertTrue(e.getMessage().contains(EventLoopTest.class.getName() + ".lambda$"), e.getMessage());
        assertTrue(e.getMessage().contains("EventLoopTest.java:"), e.getMessage());
        assertTrue(e.getMessage().contains("weft-maven-plugin"), e.getMessage());
        assertTrue(e.getMessage().contains("-javaagent"), e.getMessage());
        assertTrue(e.getMessage().contains("WeftAgent.install()"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class,
                () -> Weft.await(new CompletableFuture<Integer>()));
        assertTrue(s.getMessage().contains("not woven"), s.getMessage());
    }

    /** An adapter task, as a user might write: Weft awaits it through toCompletableFuture(). */
    static final class StageAsTask<T> extends Task<T> {
        private final CompletableFuture<T> future;

        StageAsTask(CompletableFuture<T> future) {
            this.future = future;
        }

        @Override
        public boolean cancel() {
            return future.cancel(false);
        }

        @Override
        public boolean isDone() {
            return future.isDone();
        }

        @Override
        public boolean isCancelled() {
            return future.isCancelled();
        }

        @Override
        public T result() {
            return future.join();
        }

        @Override
        public Throwable exception() {
            return future.isCompletedExceptionally() ? future.handle((v, e) -> e).join() : null;
        }

        @Override
        public String name() {
            return "adapter";
        }

        @Override
        public void addDoneCallback(java.util.function.Consumer<? super Task<T>> callback) {
            future.whenComplete((v, e) -> callback.accept(this));
        }

        @Override
        public CompletableFuture<T> toCompletableFuture() {
            return future;
        }
    }
}
