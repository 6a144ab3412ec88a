package dev.weft.conformance;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.ExceptionContext;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Task names, the current task, all tasks, debug reports of coroutines never awaited, and run()'s clean-up. */
class LoopFeaturesTest {

    @Async
    Task<String> named() {
        return done(currentTask().name());
    }

    @Async
    Task<String> namesAndCurrentTask() {
        Task<String> a = EventLoop.current().createTask(named(), "fetcher");
        Task<?> self = currentTask();
        Set<Task<?>> all = EventLoop.current().allTasks();
        String name = await(a);
        assertTrue(all.contains(a) && all.contains(self), all.toString());
        assertFalse(EventLoop.current().allTasks().contains(a), "a done task is not among all tasks");
        return done(name);
    }

    @Test
    void tasksHaveNamesAndKnowWhichIsCurrent() {
        assertEquals("fetcher", run(namesAndCurrentTask()));
        assertNull(currentTask(), "no task outside a loop");
    }

    @Async
    Task<Integer> neverAwaited() {
        return done(1);
    }

    @Async
    Task<Void> forgetsACoroutine() {
        neverAwaited();   // the result is dropped: the coroutine never runs
        await(sleep(1));
        return done();
    }

    @Test
    void debugModeReportsACoroutineThatIsNeverAwaited() {
        List<ExceptionContext> reports = new ArrayList<>();
        EventLoop loop = EventLoop.newEventLoop();
        loop.setDebug(true);
        loop.setExceptionHandler((l, context) -> reports.add(context));
        loop.runUntilComplete(forgetsACoroutine());
        loop.close();
        assertEquals(1, reports.size(), reports.toString());
        assertTrue(reports.get(0).message().contains("LoopFeaturesTest.neverAwaited was never awaited"),
                reports.get(0).message());
        assertTrue(reports.get(0).exception().getStackTrace().length > 0, "no creation stack");
    }

    @Test
    void debugModeDoesNotReportCoroutinesThatWereAwaited() {
        List<ExceptionContext> reports = new ArrayList<>();
        EventLoop loop = EventLoop.newEventLoop();
        loop.setDebug(true);
        loop.setExceptionHandler((l, context) -> reports.add(context));
        loop.runUntilComplete(namesAndCurrentTask());
        loop.close();
        assertEquals(List.of(), reports);
    }

    @Async
    Task<Thread> workerThread() {
        Thread[] worker = new Thread[1];
        await(toThread(() -> {
            worker[0] = Thread.currentThread();
            return null;
        }));
        return done(worker[0]);
    }

    @Test
    void runShutsDownTheThreadsItStarted() throws Exception {
        Thread worker = run(workerThread());
        worker.join(20_000);
        assertFalse(worker.isAlive(), "the default executor's thread outlived run()");
    }

    @Async
    Task<String> catchesAndGoesOn(List<String> log) {
        try {
            await(sleep(3_600_000));
        } catch (java.util.concurrent.CancellationException e) {
            log.add("caught");
        }
        log.add("finished anyway");
        return done("ok");
    }

    @Async
    Task<String> leavesOneBehind(List<String> log) {
        createTask(catchesAndGoesOn(log));
        await(sleep(1));
        return done("main");
    }

    @Test
    void runCancelsWhatRemainsAndWaitsForItToFinish() {
        List<String> log = new ArrayList<>();
        assertEquals("main", run(leavesOneBehind(log)));
        assertEquals(List.of("caught", "finished anyway"), log);
    }

    @Test
    void runReturnsTheSameExceptionInstance() {
        IllegalStateException failure = new IllegalStateException("x");
        try {
            run(fails(failure));
        } catch (IllegalStateException e) {
            assertSame(failure, e);
            return;
        }
        throw new AssertionError("no exception");
    }

    @Async
    Task<Void> fails(RuntimeException failure) {
        await(sleep(0));
        throw failure;
    }
}
