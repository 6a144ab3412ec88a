package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.Event;
import dev.weft.ReturnWhen;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.await;
import static dev.weft.Weft.currentTask;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.waitTasks;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CPython's {@code BaseTaskTests} cases of {@code asyncio.current_task} and {@code BaseCurrentLoopTests}. Weft's
 * {@code currentTask()} takes no loop: it answers for the loop running on the calling thread.
 */
class TaskFunctionsCurrentTaskTests extends TaskFunctionsSupport {
    private Task<Integer> t;
    private Task<Void> task;
    private Task<Void> task1;
    private Task<Void> task2;

    @Async
    Task<Integer> cancelsItself() {
        t.cancel();
        await(sleep(100_000));
        return done(12);
    }

    /** A task that cancels itself is cancelled at its next await. */
    @Test
    void test_cancel_current_task() {
        t = loop.createTask(cancelsItself());
        assertFalse(t.isCancelled());
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(t));
        assertTrue(t.isDone());
        assertTrue(t.isCancelled());
        assertFalse(t.cancel());
    }

    @Async
    Task<Void> checksCurrent() {
        assertSame(task, currentTask());
        assertSame(task, currentTask());
        return done();
    }

    @Test
    void test_current_task() {
        assertNull(currentTask());
        task = loop.createTask(checksCurrent());
        loop.runUntilComplete(task);
        assertNull(currentTask());
    }

    @Async
    Task<Void> coro1(Event fut1, Event fut2) {
        assertSame(task1, currentTask());
        await(fut1.waitSet());
        assertSame(task1, currentTask());
        fut2.set();
        return done();
    }

    @Async
    Task<Void> coro2(Event fut1, Event fut2) {
        assertSame(task2, currentTask());
        fut1.set();
        await(fut2.waitSet());
        assertSame(task2, currentTask());
        return done();
    }

    /** Adapted: CPython's two futures are Events; each task's outcome is checked after the wait. */
    @Test
    void test_current_task_with_interleaving_tasks() {
        assertNull(currentTask());
        Event fut1 = new Event();
        Event fut2 = new Event();
        task1 = loop.createTask(coro1(fut1, fut2));
        task2 = loop.createTask(coro2(fut1, fut2));
        loop.runUntilComplete(waitTasks(List.of(task1, task2), ReturnWhen.ALL_COMPLETED));
        task1.result();
        task2.result();
        assertNull(currentTask());
    }

    /** BaseCurrentLoopTests: no task is current while the loop does not run. */
    @Test
    void test_current_task_no_running_loop() {
        assertNull(currentTask());
    }

    /** BaseCurrentLoopTests. */
    @Test
    void test_current_task_with_implicit_loop() {
        task = loop.createTask(checksCurrent());
        loop.runUntilComplete(task);
        assertNull(currentTask());
    }
}
