package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.Event;
import dev.weft.ExceptionContext;
import dev.weft.Task;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.await;
import static dev.weft.Weft.done;
import static dev.weft.Weft.gather;
import static dev.weft.Weft.shield;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CPython's {@code BaseTaskTests} cases of {@code asyncio.shield} (and of shield with gather). CPython's futures are
 * {@link Gate}s. Weft's {@code shield(...)} starts when it is awaited or scheduled, where asyncio's attaches to its
 * argument at the call, so the cases that let the loop run before awaiting schedule it with {@code createTask}.
 */
class TaskFunctionsShieldTests extends TaskFunctionsSupport {
    private int proof;

    @Test
    void test_shield_result() {
        Gate<Integer> inner = new Gate<>(loop);
        Task<Integer> outer = shield(inner.task);
        inner.setResult(42);
        int res = loop.runUntilComplete(outer);
        assertEquals(42, res);
    }

    @Test
    void test_shield_exception() {
        Gate<Integer> inner = new Gate<>(loop);
        Task<Integer> outer = loop.createTask(shield(inner.task));
        runBriefly(loop);
        RuntimeException exc = new RuntimeException("expected");
        inner.setException(exc);
        runBriefly(loop);
        assertSame(exc, outer.exception());
    }

    @Test
    void test_shield_cancel_inner() {
        Gate<Integer> inner = new Gate<>(loop);
        Task<Integer> outer = loop.createTask(shield(inner.task));
        runBriefly(loop);
        inner.task.cancel();
        runBriefly(loop);
        assertTrue(outer.isCancelled());
    }

    @Test
    void test_shield_cancel_outer() {
        Gate<Integer> inner = new Gate<>(loop);
        Task<Integer> outer = loop.createTask(shield(inner.task));
        runBriefly(loop);
        outer.cancel();
        runBriefly(loop);
        assertTrue(outer.isCancelled());
    }

    /** The shield was cancelled and the inner task then succeeds: nothing is reported. */
    @Test
    void test_shield_cancel_outer_result() {
        List<ExceptionContext> reports = recordReports(loop);
        Gate<Integer> inner = new Gate<>(loop);
        Task<Integer> outer = loop.createTask(shield(inner.task));
        runBriefly(loop);
        outer.cancel();
        runBriefly(loop);
        inner.setResult(1);
        runBriefly(loop);
        assertEquals(List.of(), reports);
    }

    /** The shield was cancelled and the inner task then fails: no one else takes the failure, so it is reported. */
    @Test
    @Disabled("difference, by design: the failure of a task whose shield was cancelled is reported only as never retrieved, when the "
            + "loop closes or the task is collected, not when it fails")
    void test_shield_cancel_outer_exception() {
        List<ExceptionContext> reports = recordReports(loop);
        Gate<Integer> inner = new Gate<>(loop);
        Task<Integer> outer = loop.createTask(shield(inner.task));
        runBriefly(loop);
        outer.cancel();
        runBriefly(loop);
        inner.setException(new RuntimeException("foo"));
        runBriefly(loop);
        assertEquals(1, reports.size(), reports.toString());
    }

    /** Two cancelled shields over one failing task: its failure is reported once. */
    @Test
    @Disabled("difference, by design: the failure of a task whose shields were cancelled is reported only as never retrieved, when "
            + "the loop closes or the task is collected, not when it fails")
    void test_shield_duplicate_log_once() {
        List<ExceptionContext> reports = recordReports(loop);
        Gate<Integer> inner = new Gate<>(loop);
        Task<Integer> outer = loop.createTask(shield(inner.task));
        runBriefly(loop);
        outer.cancel();
        runBriefly(loop);
        outer = loop.createTask(shield(inner.task));
        runBriefly(loop);
        outer.cancel();
        runBriefly(loop);
        inner.setException(new RuntimeException("foo"));
        runBriefly(loop);
        assertEquals(1, reports.size(), reports.toString());
    }

    /** Adapted: a done task, {@code done(42)}, stands for the future that already has its result. */
    @Test
    void test_shield_shortcut() {
        int res = loop.runUntilComplete(shield(done(42)));
        assertEquals(42, res);
    }

    @Async
    Task<Void> countsAfter(Event waiter) {
        await(waiter.waitSet());
        proof += 1;
        return done();
    }

    @Async
    Task<Void> shieldsInner(Event waiter) {
        await(shield(countsAfter(waiter)));
        proof += 100;
        return done();
    }

    /** Cancelling the task that awaits a shield leaves the shielded coroutine running. */
    @Test
    void test_shield_effect() {
        Event waiter = new Event();
        Task<Void> f = loop.createTask(shieldsInner(waiter));
        runBriefly(loop);
        f.cancel();
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(f));
        waiter.set();
        runBriefly(loop);
        assertEquals(1, proof);
    }

    @Test
    void test_shield_gather() {
        Gate<Integer> child1 = new Gate<>(loop);
        Gate<Integer> child2 = new Gate<>(loop);
        Task<List<Integer>> parent = gather(child1.task, child2.task);
        Task<List<Integer>> outer = loop.createTask(shield(parent));
        runBriefly(loop);
        outer.cancel();
        runBriefly(loop);
        assertTrue(outer.isCancelled());
        child1.setResult(1);
        child2.setResult(2);
        runBriefly(loop);
        assertEquals(List.of(1, 2), parent.result());
    }

    /** Cancelling a gather of shields cancels the shields, not what they shield. */
    @Test
    @Disabled("difference, by design: a cancelled gather ends cancelled, so exception() throws CancellationException instead of "
            + "returning it")
    void test_gather_shield() {
        Gate<Integer> child1 = new Gate<>(loop);
        Gate<Integer> child2 = new Gate<>(loop);
        Task<Integer> inner1 = shield(child1.task);
        Task<Integer> inner2 = shield(child2.task);
        Task<List<Integer>> parent = loop.createTask(gather(inner1, inner2));
        runBriefly(loop);
        parent.cancel();
        runBriefly(loop);
        assertInstanceOf(CancellationException.class, parent.exception());
        assertTrue(inner1.isCancelled());
        assertTrue(inner2.isCancelled());
        child1.setResult(1);
        child2.setResult(2);
        runBriefly(loop);
    }

    @Async
    Task<Integer> fortyTwo() {
        return done(42);
    }

    @Async
    Task<Task<Integer>> shieldsInALoop() {
        return done(shield(fortyTwo()));
    }

    /** Adapted: Weft's tasks do not tell their loop; the shield made in a running loop runs there and gives 42. */
    @Test
    void test_shield_coroutine_use_running_loop() {
        Task<Integer> outer = loop.runUntilComplete(shieldsInALoop());
        int res = loop.runUntilComplete(outer);
        assertEquals(42, res);
    }
}
