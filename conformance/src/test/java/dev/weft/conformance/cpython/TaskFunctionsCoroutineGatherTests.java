package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.Outcome;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.done;
import static dev.weft.Weft.gather;
import static dev.weft.Weft.gatherOutcomes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CPython's {@code CoroutineGatherTests}: gather over coroutines that have not started (each awaits a {@link Gate}),
 * the gather made and scheduled inside the running loop, as CPython's {@code _gather} does.
 */
class TaskFunctionsCoroutineGatherTests extends TaskFunctionsGatherTestsBase {
    private int proof;
    private Task<List<Void>> gatherer;

    @Async
    Task<Integer> awaitsGate(Gate<Integer> fut) {
        return done(await(fut.task));
    }

    @Override
    List<Task<Integer>> wrapFutures(List<Gate<Integer>> futures) {
        List<Task<Integer>> coros = new ArrayList<>();
        for (Gate<Integer> f : futures) {
            coros.add(awaitsGate(f));
        }
        return coros;
    }

    @Async
    <T> Task<Task<T>> scheduledInTheLoop(Task<T> task) {
        return done(createTask(task));
    }

    @Override
    Task<List<Integer>> startGather(List<Task<Integer>> tasks) {
        return loop.runUntilComplete(scheduledInTheLoop(gather(tasks)));
    }

    @Override
    Task<List<Outcome<Integer>>> startGatherOutcomes(List<Task<Integer>> tasks) {
        return loop.runUntilComplete(scheduledInTheLoop(gatherOutcomes(tasks)));
    }

    @Async
    Task<String> echo(String s) {
        return done(s);
    }

    @Async
    Task<Task<List<String>>> gathersInALoop(Task<String> gen1, Task<String> gen2) {
        return done(gather(gen1, gen2));
    }

    /** Adapted: Weft's tasks do not tell their loop; the gather made in the running loop runs there. */
    @Test
    void test_constructor_use_running_loop() {
        Task<List<String>> fut = loop.runUntilComplete(gathersInALoop(echo("abc"), echo("abc")));
        assertEquals(List.of("abc", "abc"), loop.runUntilComplete(fut));
    }

    /** The same coroutine given three times runs once and fills its three places. */
    @Test
    void test_duplicate_coroutines() {
        Task<String> c = echo("abc");
        Task<List<String>> fut = loop.runUntilComplete(scheduledInTheLoop(gather(c, c, echo("def"), c)));
        runLoop(loop);
        assertEquals(List.of("abc", "abc", "def", "abc"), fut.result());
    }

    @Async
    Task<Void> inner(Gate<Void> waiter) {
        await(waiter.task);
        proof += 1;
        return done();
    }

    @Async
    Task<Void> outer(Task<Void> child1, Task<Void> child2) {
        gatherer = gather(child1, child2);
        await(gatherer);
        proof += 100;
        return done();
    }

    /** Cancelling the task that awaits a gather cancels every child, and what they wait on. */
    @Test
    void test_cancellation_broadcast() {
        Gate<Void> waiter = new Gate<>(loop);
        Task<Void> child1 = loop.createTask(inner(waiter));
        Task<Void> child2 = loop.createTask(inner(waiter));
        Task<Void> f = loop.createTask(outer(child1, child2));
        runBriefly(loop);
        assertTrue(f.cancel());
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(f));
        assertFalse(gatherer.cancel());
        assertTrue(waiter.task.isCancelled());
        assertTrue(child1.isCancelled());
        assertTrue(child2.isCancelled());
        runBriefly(loop);
        assertEquals(0, proof);
    }

    @Async
    Task<Void> failsAfter(Gate<Void> f) {
        await(f.task);
        throw new RuntimeException("should not be ignored");
    }

    @Async
    Task<Void> gathersTwoFailures(Gate<Void> a, Gate<Void> b) {
        await(gather(failsAfter(a), failsAfter(b)));
        return done();
    }

    /** The second failure, after the gather already failed with the first, is not what the awaiter sees. */
    @Test
    void test_exception_marking() {
        Gate<Void> a = new Gate<>(loop);
        Gate<Void> b = new Gate<>(loop);
        Task<Void> f = loop.createTask(gathersTwoFailures(a, b));
        runBriefly(loop);
        a.setResult(null);
        runBriefly(loop);
        b.setResult(null);
        runBriefly(loop);
        assertInstanceOf(RuntimeException.class, f.exception());
    }
}
