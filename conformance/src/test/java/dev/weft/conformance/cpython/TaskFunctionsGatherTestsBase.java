package dev.weft.conformance.cpython;

import dev.weft.EventLoop;
import dev.weft.Outcome;
import dev.weft.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CPython's {@code GatherTestsBase}: the cases both gather classes run, over inputs that {@link #wrapFutures} makes
 * from {@link Gate}s (the futures themselves, or coroutines awaiting them). {@code return_exceptions=True} is
 * {@code gatherOutcomes}, whose list holds an {@link Outcome} per input.
 */
abstract class TaskFunctionsGatherTestsBase extends TaskFunctionsSupport {
    /** CPython's {@code self.one_loop} is {@link #loop}; this is its {@code self.other_loop}. */
    protected final EventLoop otherLoop = EventLoop.newVirtualTimeLoop();
    /** What CPython's {@code MockCallback} records: the tasks the done callback was called with. */
    protected final List<Task<?>> calls = new ArrayList<>();

    @AfterEach
    void closeOtherLoop() {
        otherLoop.close();
    }

    /** The inputs of the gather made from {@code futures}. */
    abstract List<Task<Integer>> wrapFutures(List<Gate<Integer>> futures);

    /** CPython's {@code self._gather(...)}: a gather of {@code tasks}, started on {@link #loop}. */
    abstract Task<List<Integer>> startGather(List<Task<Integer>> tasks);

    /** As {@link #startGather}, with {@code return_exceptions=True}. */
    abstract Task<List<Outcome<Integer>>> startGatherOutcomes(List<Task<Integer>> tasks);

    protected List<Gate<Integer>> gates(int n) {
        List<Gate<Integer>> gates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            gates.add(new Gate<>(loop));
        }
        return gates;
    }

    private void checkSuccess(boolean returnExceptions) {
        List<Gate<Integer>> f = gates(3);
        Gate<Integer> a = f.get(0);
        Gate<Integer> b = f.get(1);
        Gate<Integer> c = f.get(2);
        Task<?> fut = returnExceptions ? startGatherOutcomes(wrapFutures(f)) : startGather(wrapFutures(f));
        fut.addDoneCallback(calls::add);
        b.setResult(1);
        a.setResult(2);
        runLoop(loop);
        assertEquals(List.of(), calls);
        assertFalse(fut.isDone());
        c.setResult(3);
        runLoop(loop);
        assertEquals(List.of(fut), calls);
        if (returnExceptions) {
            assertEquals(List.of(Outcome.success(2), Outcome.success(1), Outcome.success(3)), fut.result());
        } else {
            assertEquals(List.of(2, 1, 3), fut.result());
        }
    }

    @Test
    void test_success() {
        checkSuccess(false);
    }

    @Test
    void test_result_exception_success() {
        checkSuccess(true);
    }

    /** The first failure completes the gather; what the other inputs do afterwards changes nothing. */
    @Test
    void test_one_exception() {
        List<Gate<Integer>> f = gates(5);
        Task<List<Integer>> fut = startGather(wrapFutures(f));
        fut.addDoneCallback(calls::add);
        ArithmeticException exc = new ArithmeticException();
        f.get(0).setResult(1);
        f.get(1).setException(exc);
        runLoop(loop);
        assertTrue(fut.isDone());
        assertEquals(List.of(fut), calls);
        assertSame(exc, fut.exception());
        f.get(2).setResult(3);
        f.get(3).task.cancel();
        f.get(4).setException(new RuntimeException());
        runLoop(loop);
        f.get(4).task.exception();
        assertSame(exc, fut.exception());
    }

    @Test
    void test_return_exceptions() {
        List<Gate<Integer>> f = gates(4);
        Task<List<Outcome<Integer>>> fut = startGatherOutcomes(wrapFutures(f));
        fut.addDoneCallback(calls::add);
        ArithmeticException exc = new ArithmeticException();
        RuntimeException exc2 = new RuntimeException();
        f.get(1).setResult(1);
        f.get(2).setException(exc);
        f.get(0).setResult(3);
        runLoop(loop);
        assertFalse(fut.isDone());
        f.get(3).setException(exc2);
        runLoop(loop);
        assertTrue(fut.isDone());
        assertEquals(List.of(fut), calls);
        assertEquals(List.of(Outcome.success(3), Outcome.success(1), Outcome.failure(exc), Outcome.failure(exc2)),
                fut.result());
    }
}
