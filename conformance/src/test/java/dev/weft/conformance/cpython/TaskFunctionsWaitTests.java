package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.Event;
import dev.weft.ReturnWhen;
import dev.weft.Task;
import dev.weft.WaitResult;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.waitTasks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CPython's {@code BaseTaskTests} cases of {@code asyncio.wait}, which Weft names {@code waitTasks} ({@code wait} is
 * a method of {@code Object}). The sleeps CPython gives to the fake clock run here on a virtual-time loop.
 */
class TaskFunctionsWaitTests extends TaskFunctionsSupport {
    private int proof;

    @Async
    Task<Integer> waitsForBoth(Task<Void> a, Task<Void> b) {
        WaitResult<Void> r = await(waitTasks(List.of(b, a), ReturnWhen.ALL_COMPLETED));
        assertEquals(Set.of(a, b), r.done());
        assertEquals(Set.of(), r.pending());
        return done(42);
    }

    @Test
    void test_wait() {
        Task<Void> a = loop.createTask(sleep(100));
        Task<Void> b = loop.createTask(sleep(150));
        assertEquals(42, loop.runUntilComplete(waitsForBoth(a, b)));
        assertTime(0.15, loop);
        // Both are done now: the second wait answers without time passing.
        assertEquals(42, loop.runUntilComplete(waitsForBoth(a, b)));
        assertTime(0.15, loop);
    }

    @Async
    Task<String> echo(String s) {
        return done(s);
    }

    @Test
    void test_wait_duplicate_coroutines() {
        Task<String> c = loop.createTask(echo("test"));
        WaitResult<String> r = loop.runUntilComplete(
                waitTasks(List.of(c, c, loop.createTask(echo("spam"))), ReturnWhen.ALL_COMPLETED));
        assertTrue(r.pending().isEmpty());
        assertEquals(Set.of("test", "spam"), r.done().stream().map(Task::result).collect(Collectors.toSet()));
    }

    /** Adapted: the empty collection is refused by the call itself; an invalid return_when cannot be written. */
    @Test
    void test_wait_errors() {
        assertThrows(IllegalArgumentException.class, () -> waitTasks(Set.<Task<Void>>of(), ReturnWhen.ALL_COMPLETED));
    }

    @Test
    void test_wait_first_completed() {
        Task<Void> a = loop.createTask(sleep(10_000));
        Task<Void> b = loop.createTask(sleep(100));
        WaitResult<Void> r = loop.runUntilComplete(waitTasks(List.of(b, a), ReturnWhen.FIRST_COMPLETED));
        assertEquals(Set.of(b), r.done());
        assertEquals(Set.of(a), r.pending());
        assertFalse(a.isDone());
        assertTrue(b.isDone());
        assertNull(b.result());
        assertTime(0.1, loop);

        loop.runUntilComplete(waitTasks(List.of(a, b), ReturnWhen.ALL_COMPLETED));
    }

    @Async
    Task<Void> yieldsOnce() {
        await(sleep(0));
        return done();
    }

    @Async
    Task<Void> yieldsTwice() {
        await(sleep(0));
        await(sleep(0));
        return done();
    }

    /** The done set is taken when the waiter resumes, by which time the second task has finished too. */
    @Test
    @Disabled("difference, by design: waitTasks answers in the iteration its condition holds (asyncio: two later), so"
            + " that what a child was granted goes back if the awaiter is cancelled before taking the answer")
    void test_wait_really_done() {
        Task<Void> a = loop.createTask(yieldsOnce());
        Task<Void> b = loop.createTask(yieldsTwice());
        WaitResult<Void> r = loop.runUntilComplete(waitTasks(List.of(b, a), ReturnWhen.FIRST_COMPLETED));
        assertEquals(Set.of(a, b), r.done());
        assertTrue(a.isDone());
        assertNull(a.result());
        assertTrue(b.isDone());
        assertNull(b.result());
    }

    @Async
    Task<Void> raisesAtOnce() {
        throw new ArithmeticException("err");
    }

    @Test
    void test_wait_first_exception() {
        Task<Void> a = loop.createTask(sleep(10_000));
        Task<Void> b = loop.createTask(raisesAtOnce());
        WaitResult<Void> r = loop.runUntilComplete(waitTasks(List.of(b, a), ReturnWhen.FIRST_EXCEPTION));
        assertEquals(Set.of(b), r.done());
        assertEquals(Set.of(a), r.pending());
        assertTime(0, loop);

        loop.runUntilComplete(waitTasks(List.of(a, b), ReturnWhen.ALL_COMPLETED));
    }

    @Async
    Task<Void> raisesAfter(long millis, String message) {
        await(sleep(millis));
        throw new ArithmeticException(message);
    }

    @Test
    void test_wait_first_exception_in_wait() {
        Task<Void> a = loop.createTask(sleep(10_000));
        Task<Void> b = loop.createTask(raisesAfter(10, "err"));
        WaitResult<Void> r = loop.runUntilComplete(waitTasks(List.of(b, a), ReturnWhen.FIRST_EXCEPTION));
        assertEquals(Set.of(b), r.done());
        assertEquals(Set.of(a), r.pending());
        assertTime(0.01, loop);

        loop.runUntilComplete(waitTasks(List.of(a, b), ReturnWhen.ALL_COMPLETED));
    }

    @Async
    Task<Void> waitsAndCountsErrors(Task<Void> a, Task<Void> b) {
        WaitResult<Void> r = await(waitTasks(List.of(b, a), ReturnWhen.ALL_COMPLETED));
        assertEquals(2, r.done().size());
        assertEquals(Set.of(), r.pending());
        long errors = r.done().stream().filter(t -> t.exception() != null).count();
        assertEquals(1, errors);
        return done();
    }

    @Test
    void test_wait_with_exception() {
        Task<Void> a = loop.createTask(sleep(100));
        Task<Void> b = loop.createTask(raisesAfter(150, "really"));
        loop.runUntilComplete(waitsAndCountsErrors(a, b));
        assertTime(0.15, loop);

        loop.runUntilComplete(waitsAndCountsErrors(a, b));
        assertTime(0.15, loop);
    }

    @Async
    Task<Void> waitsWithATimeout(Task<Void> a, Task<Void> b) {
        WaitResult<Void> r = await(waitTasks(List.of(b, a), ReturnWhen.ALL_COMPLETED, Duration.ofMillis(110)));
        assertEquals(Set.of(a), r.done());
        assertEquals(Set.of(b), r.pending());
        return done();
    }

    @Test
    void test_wait_with_timeout() {
        Task<Void> a = loop.createTask(sleep(100));
        Task<Void> b = loop.createTask(sleep(150));
        loop.runUntilComplete(waitsWithATimeout(a, b));
        assertTime(0.11, loop);

        loop.runUntilComplete(waitTasks(List.of(a, b), ReturnWhen.ALL_COMPLETED));
    }

    /** The timeout and the first task fall due together: the task is among the done ones. */
    @Test
    void test_wait_concurrent_complete() {
        Task<Void> a = loop.createTask(sleep(100));
        Task<Void> b = loop.createTask(sleep(150));
        WaitResult<Void> r = loop.runUntilComplete(
                waitTasks(List.of(b, a), ReturnWhen.ALL_COMPLETED, Duration.ofMillis(100)));
        assertEquals(Set.of(a), r.done());
        assertEquals(Set.of(b), r.pending());
        assertTime(0.1, loop);

        loop.runUntilComplete(waitTasks(List.of(a, b), ReturnWhen.ALL_COMPLETED));
    }

    @Async
    Task<Integer> waitsForADeque(Task<Void> a, Task<Void> b) {
        WaitResult<Void> r = await(waitTasks(new ArrayDeque<>(List.of(b, a)), ReturnWhen.ALL_COMPLETED));
        assertEquals(Set.of(a, b), r.done());
        assertEquals(Set.of(), r.pending());
        return done(42);
    }

    /** Adapted: waitTasks takes any Collection; a deque that is not a list stands for CPython's iterator. */
    @Test
    void test_wait_with_iterator_of_tasks() {
        Task<Void> a = loop.createTask(sleep(100));
        Task<Void> b = loop.createTask(sleep(150));
        assertEquals(42, loop.runUntilComplete(waitsForADeque(a, b)));
        assertTime(0.15, loop);
    }

    @Async
    Task<Void> waitsForGenerated() {
        List<Task<Integer>> tasks = IntStream.range(0, 10)
                .mapToObj(i -> createTask(after(0, i)))
                .collect(Collectors.toList());
        WaitResult<Integer> r = await(waitTasks(tasks, ReturnWhen.ALL_COMPLETED));
        assertEquals(10, r.done().size());
        assertEquals(0, r.pending().size());
        return done();
    }

    /** Adapted: a stream collected into a list stands for CPython's generator of tasks. */
    @Test
    void test_wait_generator() {
        loop.runUntilComplete(waitsForGenerated());
    }

    @Async
    Task<Void> countsAfter(Event waiter) {
        await(waiter.waitSet());
        proof += 1;
        return done();
    }

    @Async
    Task<Void> waitsForInner(Event waiter) {
        await(waitTasks(List.of(createTask(countsAfter(waiter))), ReturnWhen.ALL_COMPLETED));
        proof += 100;
        return done();
    }

    /** Cancelling the task that waits ends its wait, and leaves the task it waited for running. */
    @Test
    void test_yield_wait_does_not_shield_cancel() {
        Event waiter = new Event();
        Task<Void> f = loop.createTask(waitsForInner(waiter));
        runBriefly(loop);
        f.cancel();
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(f));
        waiter.set();
        runBriefly(loop);
        assertEquals(1, proof);
    }

    /** Adapted: a task or coroutine where a collection belongs does not compile; the empty collection is refused. */
    @Test
    void test_wait_invalid_args() {
        assertThrows(IllegalArgumentException.class, () -> waitTasks(List.<Task<Void>>of(), ReturnWhen.ALL_COMPLETED));
    }

    @Async
    Task<Void> awaitsGate(Gate<Void> fut) {
        await(fut.task);
        return done();
    }

    /** Cancelling a task cancels what it waits on. Adapted: the future is a {@link Gate}. */
    @Test
    void test_task_cancel_waiter_future() {
        Gate<Void> fut = new Gate<>(loop);
        Task<Void> task = loop.createTask(awaitsGate(fut));
        runBriefly(loop);
        task.cancel();
        runBriefly(loop);
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(task));
        assertTrue(fut.task.isCancelled());
    }
}
