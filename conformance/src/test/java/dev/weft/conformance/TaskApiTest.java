package dev.weft.conformance;

import dev.weft.Async;
import dev.weft.AsyncTimeoutException;
import dev.weft.ContextVar;
import dev.weft.Runner;
import dev.weft.TaskGroup;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.Timeout;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task API beyond design §2's first table: futures, cancel messages and counts, deadlines as loop times. */
class TaskApiTest extends InterleavingTest {

    // ---- Future -----------------------------------------------------------------------------------------------------

    @Async
    Task<String> awaitsAFutureSetByACallback() {
        Future<String> future = EventLoop.current().createFuture();
        EventLoop.current().callSoon(() -> {
            steps.expect(2, "callback sets the result");
            future.setResult("hello");
        });
        steps.expect(1, "awaits");
        String value = await(future);
        steps.expect(3, "resumed");
        assertThrows(IllegalStateException.class, () -> future.setResult("again"));
        assertThrows(IllegalStateException.class, () -> future.setException(new RuntimeException()));
        assertFalse(future.cancel());
        return done(value);
    }

    @Test
    void aFutureIsCompletedByWhoeverHoldsIt() {
        assertEquals("hello", runVirtual(awaitsAFutureSetByACallback()));
        steps.finish(3);
    }

    @Async
    Task<Void> cancelsTheTaskAwaitingAFuture() {
        Future<Integer> future = EventLoop.current().createFuture();
        Task<Integer> waiter = createTask(awaitFuture(future));
        await(sleep(0));
        assertTrue(waiter.cancel("enough"));
        CancellationException e = await(thrown(CancellationException.class, waiter));
        assertEquals("enough", e.getMessage());
        assertTrue(future.isCancelled(), "cancelling the waiter cancels the future it awaits");
        CancellationException own = assertThrows(CancellationException.class, future::result);
        assertEquals("enough", own.getMessage(), "the message goes down the chain");
        return done();
    }

    @Async
    Task<Integer> awaitFuture(Future<Integer> future) {
        return done(await(future));
    }

    @Test
    void cancellingAnAwaiterCancelsTheFutureWithTheMessage() {
        runVirtual(cancelsTheTaskAwaitingAFuture());
    }

    @Async
    Task<Void> failsAndCallsBack() {
        Future<Integer> future = EventLoop.current().createFuture();
        List<Object> seen = new ArrayList<>();
        future.addDoneCallback(t -> seen.add(t));
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        future.setException(boom);
        assertTrue(seen.isEmpty(), "done callbacks run in the next iteration");
        assertSame(boom, await(thrown(IllegalArgumentException.class, future)));
        assertSame(boom, future.exception());
        await(sleep(0));
        assertEquals(List.of(future), seen, "the callback gets the future itself");
        assertThrows(IllegalArgumentException.class, () -> EventLoop.current().createFuture()
                .setException(new CancellationException()));
        return done();
    }

    @Test
    void aFailedFutureThrowsItsExceptionUnchanged() {
        runVirtual(failsAndCallsBack());
    }

    @Test
    void aFutureRefusesTheWrongThread() throws Exception {
        AtomicReference<Throwable> refused = new AtomicReference<>();
        runVirtual(completesFromAnotherThread(refused));
        assertInstanceOf(IllegalStateException.class, refused.get());
        assertTrue(refused.get().getMessage().contains("Future.setResult"), refused.get().getMessage());
    }

    @Async
    Task<Void> completesFromAnotherThread(AtomicReference<Throwable> refused) {
        Future<String> future = EventLoop.current().createFuture();
        await(toThread(() -> {
            try {
                future.setResult("from a thread");
            } catch (Throwable e) {
                refused.set(e);
            }
            return null;
        }));
        assertFalse(future.isDone());
        return done();
    }

    // ---- cancel(msg), cancelling, uncancel ---------------------------------------------------------------------------

    @Async
    Task<Integer> cancelsItselfThenReturns() {
        Task<?> me = currentTask();
        me.cancel("self");
        assertEquals(1, me.cancelling());
        Integer v = await(done(5));   // a done await does not suspend: the request stays pending
        return done(v);
    }

    @Test
    void aTaskThatCancelsItselfAndReturnsEndsCancelledWithTheMessage() {
        CancellationException e = assertThrows(CancellationException.class, () -> runVirtual(cancelsItselfThenReturns()));
        assertEquals("self", e.getMessage());
    }

    @Async
    Task<Integer> cancelsItselfThenUncancels() {
        Task<?> me = currentTask();
        me.cancel();
        assertEquals(0, me.uncancel());
        await(sleep(1));              // would throw if the request were still pending
        return done(7);
    }

    @Test
    void uncancelDropsACancellationNotYetDelivered() {
        assertEquals(7, runVirtual(cancelsItselfThenUncancels()));
    }

    @Async
    Task<Void> cancelsItselfThenAwaitsAPendingTask() {
        Task<Void> child = createTask(sleep(Duration.ofHours(1)));
        await(sleep(0));
        currentTask().cancel();
        try {
            await(child);
            throw steps.unreachable("await returned");
        } catch (CancellationException e) {
            assertTrue(child.isCancelled(), "the task it suspended on was cancelled");
        }
        return done();
    }

    @Test
    void aSelfCancelledTaskCancelsWhatItNextSuspendsOn() {
        runVirtual(cancelsItselfThenAwaitsAPendingTask());
    }

    // ---- deadlines as loop times -------------------------------------------------------------------------------------

    @Async
    Task<List<Object>> timesOutAt() {
        EventLoop loop = EventLoop.current();
        double deadline = loop.time() + 2.5;
        List<Object> seen = new ArrayList<>();
        try (Timeout t = timeoutAt(deadline)) {
            seen.add(t.when());
            try {
                await(sleep(Duration.ofSeconds(10)));
            } catch (AsyncTimeoutException e) {
                seen.add(loop.time());
                seen.add(t.expired());
                seen.add(e.getCause() instanceof CancellationException);
                seen.add(currentTask().cancelling());
            }
        }
        seen.add(currentTask().cancelling());
        return done(seen);
    }

    @Test
    void timeoutAtExpiresAtTheLoopTime() {
        assertEquals(List.of(2.5, 2.5, true, true, 1, 0), runVirtual(timesOutAt()));
    }

    @Async
    Task<Double> noDeadlineUntilRescheduled() {
        EventLoop loop = EventLoop.current();
        try (Timeout t = timeout(null)) {
            assertNull(t.when());
            await(sleep(Duration.ofSeconds(5)));
            t.reschedule(Duration.ofSeconds(1));
            assertEquals(6.0, t.when());
            t.reschedule(null);
            assertNull(t.when());
            t.rescheduleAt(loop.time() + 3);
            try {
                await(sleep(Duration.ofSeconds(60)));
            } catch (AsyncTimeoutException e) {
                return done(loop.time());
            }
        }
        throw steps.unreachable("the rescheduled deadline did not pass");
    }

    @Test
    void aScopeWithoutADeadlineGetsOneLater() {
        assertEquals(8.0, runVirtual(noDeadlineUntilRescheduled()));
    }

    @Async
    Task<List<Object>> nestedWithOneDeadline() {
        EventLoop loop = EventLoop.current();
        double deadline = loop.time() + 1;
        List<Object> seen = new ArrayList<>();
        Timeout[] inner = new Timeout[1];
        Timeout outer = timeoutAt(deadline);
        try (outer) {
            inner[0] = timeoutAt(deadline);
            try (Timeout in = inner[0]) {
                await(sleep(Duration.ofSeconds(10)));
            }
        } catch (AsyncTimeoutException e) {
            seen.add(e.getMessage().contains("deadline"));
            seen.add(outer.expired());
            seen.add(inner[0].expired());
        }
        seen.add(currentTask().cancelling());
        return done(seen);
    }

    @Test
    void nestedScopesWithOneDeadlineBothExpire() {
        assertEquals(List.of(true, true, true, 0), runVirtual(nestedWithOneDeadline()));
    }

    @Async
    Task<String> cancelledFromOutsideInsideAScope(List<String> seen) {
        try (Timeout t = timeout(Duration.ofSeconds(1))) {
            await(sleep(Duration.ofSeconds(10)));
        } catch (AsyncTimeoutException e) {
            seen.add("timeout");
        } catch (CancellationException e) {
            seen.add("cancelled");
            throw e;
        }
        return done("went on");
    }

    @Async
    Task<List<String>> cancelsThenTheDeadlinePasses() {
        List<String> seen = new ArrayList<>();
        Task<String> task = createTask(cancelledFromOutsideInsideAScope(seen));
        EventLoop.current().callLater(Duration.ofSeconds(1), () -> { });
        await(sleep(Duration.ofMillis(999)));
        EventLoop.current().callLater(Duration.ofMillis(1), task::cancel);   // fires with the deadline, before it
        await(sleep(Duration.ofSeconds(2)));
        seen.add(String.valueOf(task.isCancelled()));
        return done(seen);
    }

    @Test
    void anOutsideCancellationIsNotTurnedIntoATimeout() {
        assertEquals(List.of("cancelled", "true"), runVirtual(cancelsThenTheDeadlinePasses()));
    }

    @Async
    Task<Void> waitsForWithoutATimeout() {
        assertEquals(3, await(waitFor(sleep(Duration.ofDays(2), 3), null)));
        AsyncTimeoutException e = await(thrown(AsyncTimeoutException.class,
                waitFor(sleep(Duration.ofDays(2)), Duration.ofSeconds(1))));
        assertInstanceOf(CancellationException.class, e.getCause());
        return done();
    }

    @Test
    void waitForWithoutTimeoutAndTheCauseOfItsTimeout() {
        runVirtual(waitsForWithoutATimeout());
    }

    // ---- the loop ------------------------------------------------------------------------------------------------------

    @Async
    Task<List<String>> callsAtAndLate() {
        EventLoop loop = EventLoop.current();
        List<String> order = new ArrayList<>();
        loop.callAt(loop.time() + 2, () -> order.add("at 2 s"));
        loop.callLater(Duration.ofSeconds(-1), () -> order.add("late -1 s"));
        loop.callLater(Duration.ofSeconds(-2), () -> order.add("late -2 s"));
        loop.callAt(loop.time() - 5, () -> order.add("at -5 s"));
        loop.callSoon(() -> order.add("soon, with no current task: " + (currentTask() == null)));
        await(sleep(Duration.ofSeconds(3)));
        return done(order);
    }

    @Test
    void callAtAndNegativeDelaysKeepDeadlineOrder() {
        assertEquals(List.of("soon, with no current task: true", "at -5 s", "late -2 s", "late -1 s", "at 2 s"),
                runVirtual(callsAtAndLate()));
    }

    @Test
    void callSoonThreadsafeAndCallSoonKeepOneOrder() throws Exception {
        try (EventLoop loop = EventLoop.newEventLoop()) {
            List<String> order = new ArrayList<>();
            Thread other = new Thread(() -> loop.callSoonThreadsafe(() -> order.add("hello")));
            other.start();
            other.join();
            loop.callSoon(() -> order.add("world"));
            loop.callSoon(loop::stop);
            loop.runForever();
            assertEquals(List.of("hello", "world"), order);
        }
    }

    @Async
    Task<String> renames() {
        Task<?> me = currentTask();
        me.setName("worker-1");
        return done(me.getName() + "/" + me.name());
    }

    @Test
    void aTaskCanBeRenamed() {
        assertEquals("worker-1/worker-1", runVirtual(renames()));
    }


    // ---- ContextVar ----------------------------------------------------------------------------------------------------

    static final ContextVar<String> REQUEST = new ContextVar<>("request", "none");

    @Async
    Task<String> readsRequest() {
        await(sleep(1));
        return done(REQUEST.get());
    }

    @Async
    Task<String> setsInside() {
        REQUEST.set("set by the callee");
        return done(REQUEST.get());
    }

    @Async
    Task<List<String>> contextsPerTask() {
        List<String> seen = new ArrayList<>();
        ContextVar.Token<String> token = REQUEST.set("r1");
        Task<String> child = createTask(readsRequest());   // copies r1 now
        REQUEST.set("r2");
        seen.add(await(child));
        seen.add(await(setsInside()));                      // a direct await shares this task's context
        seen.add(REQUEST.get());
        try (TaskGroup group = new TaskGroup()) {
            Task<String> member = group.createTask(readsRequest());
            await(group.join());
            seen.add(member.result());
        }
        seen.add(await(toThread(REQUEST::get)));
        REQUEST.reset(token);
        seen.add(REQUEST.get());
        assertThrows(IllegalStateException.class, () -> REQUEST.reset(token));
        ContextVar<Integer> unset = new ContextVar<>("unset");
        assertThrows(java.util.NoSuchElementException.class, unset::get);
        assertEquals(5, unset.get(5));
        return done(seen);
    }

    @Test
    void aTaskSeesTheContextAsItWasWhenItWasCreated() {
        assertEquals(List.of("r1", "set by the callee", "set by the callee", "set by the callee",
                "set by the callee", "none"), runVirtual(contextsPerTask()));
        assertEquals("none", REQUEST.get(), "the test thread's own context is untouched");
    }

    // ---- Runner and eager tasks -----------------------------------------------------------------------------------------

    @Async
    Task<Integer> countsRuns(int[] runs) {
        runs[0]++;
        return done(runs[0]);
    }

    @Async
    Task<Void> sleepsADay() {
        await(sleep(Duration.ofDays(1)));
        return done();
    }

    @Test
    void aRunnerReusesOneLoopAndClosesItOnce() {
        int[] runs = {0};
        EventLoop loop;
        Task<Void> left;
        try (Runner runner = new Runner(EventLoop::newVirtualTimeLoop)) {
            assertEquals(1, runner.run(countsRuns(runs)));
            loop = runner.getLoop();
            left = loop.createTask(sleepsADay());
            assertEquals(2, runner.run(countsRuns(runs)));
            assertSame(loop, runner.getLoop());
            assertFalse(left.isDone(), "a task a run leaves pending stays pending until close");
        }
        assertTrue(left.isCancelled());
        assertTrue(loop.isClosed());
        Runner closed = new Runner();
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.run(countsRuns(runs)));
    }

    @Async
    Task<String> recordsThenSleeps(String name) {
        steps.expect(2, name + " runs eagerly");
        await(sleep(1));
        steps.expect(4, name + " resumes");
        return done(name);
    }

    @Async
    Task<Integer> completesAtOnce() {
        steps.expect(5, "a task that never suspends");
        return done(42);
    }

    @Async
    Task<Void> startsEagerly() {
        steps.expect(1);
        Task<String> eager = createEagerTask(recordsThenSleeps("eager"));
        steps.expect(3, "createEagerTask returned at the first suspension");
        assertEquals("eager", await(eager));
        Task<Integer> quick = createEagerTask(completesAtOnce());
        assertTrue(quick.isDone(), "done before createEagerTask returned");
        assertEquals(42, quick.result());
        return done();
    }

    @Test
    void anEagerTaskRunsUntilItsFirstSuspension() {
        runVirtual(startsEagerly());
        steps.finish(5);
    }

    @Async
    Task<Void> groupMembersStartEagerly() {
        EventLoop.current().setEagerTasks(true);
        try (TaskGroup group = new TaskGroup()) {
            steps.expect(1);
            group.createTask(recordsThenSleeps("member"));
            steps.expect(3, "the member ran to its first suspension inside createTask");
            await(group.join());
        }
        EventLoop.current().setEagerTasks(false);
        Task<Integer> later = createTask(completesAtOnce());
        assertFalse(later.isDone(), "scheduled again once eager tasks are off");
        assertEquals(42, await(later));
        return done();
    }

    @Test
    void anEagerLoopStartsEveryTaskItCreatesEagerly() {
        runVirtual(groupMembersStartEagerly());
        steps.finish(5);
    }

    /** Awaits {@code task}, which must fail with a {@code type}; gives that exception. */
    @Async
    <E extends Throwable> Task<E> thrown(Class<E> type, Task<?> task) {
        try {
            await(task);
        } catch (Throwable e) {
            if (type.isInstance(e)) {
                return done(type.cast(e));
            }
            throw new AssertionError("expected " + type.getName() + ", got " + e, e);
        }
        throw new AssertionError("expected " + type.getName() + ", got a value");
    }

    private static <T> T runVirtual(Task<T> task) {
        return run(task, EventLoop::newVirtualTimeLoop);
    }
}
