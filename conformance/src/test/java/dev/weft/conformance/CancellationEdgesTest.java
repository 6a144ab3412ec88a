package dev.weft.conformance;

import dev.weft.Async;
import dev.weft.AsyncTimeoutException;
import dev.weft.EventLoop;
import dev.weft.ExceptionContext;
import dev.weft.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cancellation at the edges: deep await chains, tasks of other loops, swallowed cancellations, debug reports. */
class CancellationEdgesTest extends InterleavingTest {

    /** A chain of {@code depth} coroutines, each awaiting the next; the last sleeps for ever. */
    @Async
    Task<Integer> chain(int depth) {
        if (depth == 0) {
            await(sleep(Duration.ofDays(1)));
            return done(0);
        }
        return done(await(chain(depth - 1)) + 1);
    }

    @Async
    Task<Void> cancelsADeepChainAndWaits() {
        Task<Integer> top = createTask(chain(20_000));
        await(sleep(0));
        top.cancel();
        await(cancelledAsExpected(top));
        return done();
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void cancellingA20000DeepAwaitChainDoesNotRecurseOnTheJavaStack() {
        run(cancelsADeepChainAndWaits(), EventLoop::newVirtualTimeLoop);
    }

    @Async
    Task<String> timesOutADeepChain() {
        try {
            await(waitFor(chain(20_000), Duration.ofSeconds(1)));
        } catch (AsyncTimeoutException e) {
            return done("timed out");
        }
        throw steps.unreachable("the chain completed");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void waitForOnA20000DeepChainTimesOut() {
        assertEquals("timed out", run(timesOutADeepChain(), EventLoop::newVirtualTimeLoop));
    }

    // ---- tasks of other loops ------------------------------------------------------------------------------------

    @Async
    Task<Integer> sleepsThenAnswers(long millis, int answer) {
        await(sleep(millis));
        return done(answer);
    }

    @Async
    Task<Integer> awaitsForeign(Task<Integer> foreign) {
        return done(await(foreign));
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void awaitingATaskOfAnotherLoopThatIsNotRunningRaisesAtOnceNamingBothLoops() {
        try (EventLoop other = EventLoop.newEventLoop()) {
            Task<Integer> foreign = other.createTask(sleepsThenAnswers(10, 1));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(awaitsForeign(foreign)));
            assertTrue(e.getMessage().contains("attached to a different loop"), e.getMessage());
            assertTrue(e.getMessage().contains(other.toString()), e.getMessage());
            foreign.cancel();
        }
    }

    @Async
    Task<String> awaitsOnItsOwnThread(Task<Integer> foreign) {
        Thread mine = Thread.currentThread();
        int value = await(foreign);
        return done(value + (Thread.currentThread() == mine ? " on the awaiter's thread" : " on another thread"));
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void awaitingATaskOfALoopRunningOnAnotherThreadResumesOnTheAwaitersLoop() throws Exception {
        EventLoop other = EventLoop.newEventLoop();
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Task<Integer>> made = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            other.callSoon(() -> {
                made.complete(other.createTask(sleepsThenAnswers(200, 42)));
                running.countDown();
            });
            other.runForever();
        });
        thread.start();
        try {
            assertTrue(running.await(10, TimeUnit.SECONDS));
            assertEquals("42 on the awaiter's thread", run(awaitsOnItsOwnThread(made.get())));
        } finally {
            other.callSoonThreadsafe(other::stop);
            thread.join(10_000);
            other.close();
        }
    }

    // ---- a task that swallows its cancellation -------------------------------------------------------------------

    @Async
    Task<Void> swallowsCancellation(CompletableFuture<Void> released) {
        try {
            await(sleep(Duration.ofDays(1)));
        } catch (RuntimeException swallowed) {
            await(released);                               // the clean-up of run() waits for this
        }
        return done();
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void runsCleanUpReportsTasksThatStayPendingAfterCancellation() {
        cleanUpReportsASwallower(EventLoop::newEventLoop, new CompletableFuture<>());
    }

    @Async
    Task<Void> swallowsAndTimesTheCleanUp(CompletableFuture<Void> released, double[] clock) {
        try {
            await(sleep(Duration.ofDays(1)));
        } catch (RuntimeException swallowed) {
            clock[0] = EventLoop.current().time();
            await(released);
            clock[1] = EventLoop.current().time();
        }
        return done();
    }

    /** On a virtual clock too, the clean-up waits for the other thread in real time: its clock does not move. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void runsCleanUpOnAVirtualClockWaitsForOtherThreadsWithoutMovingTheClock() {
        CompletableFuture<Void> released = new CompletableFuture<>();
        double[] clock = {-1, -1};
        cleanUpReportsASwallower(EventLoop::newVirtualTimeLoop, released, swallowsAndTimesTheCleanUp(released, clock));
        assertEquals(clock[0], clock[1], "the virtual clock moved while the clean-up waited for another thread");
    }

    private void cleanUpReportsASwallower(java.util.function.Supplier<EventLoop> newLoop,
                                          CompletableFuture<Void> released) {
        cleanUpReportsASwallower(newLoop, released, swallowsCancellation(released));
    }

    @Async
    Task<Void> leaves(Task<Void> swallower) {
        EventLoop.current().createTask(swallower, "swallower");
        await(sleep(0));
        return done();
    }

    private void cleanUpReportsASwallower(java.util.function.Supplier<EventLoop> newLoop,
                                          CompletableFuture<Void> released, Task<Void> swallower) {
        List<ExceptionContext> reports = new CopyOnWriteArrayList<>();
        String key = "weft.cleanupWarningMillis";
        String before = System.getProperty(key);
        System.setProperty(key, "200");
        try {
            run(leaves(swallower), () -> {
                EventLoop loop = newLoop.get();
                loop.setExceptionHandler((l, context) -> {
                    reports.add(context);
                    released.complete(null);               // let the clean-up end once it has spoken
                });
                return loop;
            });
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
        assertEquals(1, reports.size(), reports.toString());
        String message = reports.get(0).message();
        assertTrue(message.contains("swallower"), message);
        assertTrue(message.contains("swallows"), message);
        assertTrue(message.contains("swallowed the cancellation"), message);
    }

    // ---- debug mode --------------------------------------------------------------------------------------------

    @Async
    Task<Void> child() {
        return done();
    }

    @Async
    Task<Void> cancelsBeforeStart() {
        Task<Void> t = createTask(child());
        t.cancel();
        await(sleep(0));
        return done();
    }

    @Test
    void aTaskCancelledBeforeItStartedIsNotReportedAsNeverAwaited() {
        List<ExceptionContext> reports = new CopyOnWriteArrayList<>();
        run(cancelsBeforeStart(), () -> {
            EventLoop loop = EventLoop.newEventLoop();
            loop.setDebug(true);
            loop.setExceptionHandler((l, context) -> reports.add(context));
            return loop;
        });
        assertEquals(List.of(), reports);
    }
}
