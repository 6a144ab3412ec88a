package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.Barrier;
import dev.weft.BarrierBrokenException;
import dev.weft.ReturnWhen;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.done;
import static dev.weft.Weft.gather;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.waitTasks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Port of CPython's {@code test_locks.BarrierTests}. asyncio's {@code wait()} is {@link Barrier#waitAll()},
 * {@code n_waiting} is {@link Barrier#waiting()}, {@code broken} is {@link Barrier#isBroken()},
 * {@code BrokenBarrierError} is {@link BarrierBrokenException}. asyncio's {@code reset()} and {@code abort()} are
 * coroutines; Weft's return nothing and act at once, so {@code await barrier.reset()} becomes {@code reset()}.
 * {@code async with barrier as i} becomes {@code i = await(barrier.waitAll())} (its exit does nothing in asyncio).
 */
class LocksBarrierTests extends AsyncioTestCase {
    private int n = 5;

    /** CPython's {@code RuntimeError} raised on purpose by a party. */
    static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Creates {@code count} tasks, each from a fresh call of {@code coro}. */
    static <T> List<Task<T>> makeTasks(int count, Supplier<Task<T>> coro) {
        List<Task<T>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(createTask(coro.get()));
        }
        return tasks;
    }

    /** Creates {@code count} tasks and gathers their results. */
    @Async
    static <T> Task<List<T>> gatherTasks(int count, Supplier<Task<T>> coro) {
        List<Task<T>> tasks = makeTasks(count, coro);
        return done(await(gather(tasks)));
    }

    /** A task that arrives at the barrier when it first runs: asyncio's {@code create_task(barrier.wait())}. */
    @Async
    static Task<Integer> waitOf(Barrier barrier) {
        return done(await(barrier.waitAll()));
    }

    /** A task that resets the barrier when it first runs. */
    @Async
    static Task<Void> resetOf(Barrier barrier) {
        barrier.reset();
        return done();
    }

    /** A task that aborts the barrier when it first runs. */
    @Async
    static Task<Void> abortOf(Barrier barrier) {
        barrier.abort();
        return done();
    }

    static List<Integer> range(int count) {
        return IntStream.range(0, count).boxed().collect(Collectors.toList());
    }

    static List<Boolean> trues(int count) {
        return Collections.nCopies(count, true);
    }

    // ---- test_barrier_parties -------------------------------------------------------------------------------------

    @Test
    void test_barrier_parties() {
        assertThrows(IllegalArgumentException.class, () -> new Barrier(0));
        assertThrows(IllegalArgumentException.class, () -> new Barrier(-4));
        assertInstanceOf(Barrier.class, new Barrier(n));
    }

    // ---- test_context_manager -------------------------------------------------------------------------------------

    @Async
    Task<Void> contextManager() {
        n = 3;
        Barrier barrier = new Barrier(n);
        List<Integer> results = new ArrayList<>();
        await(gatherTasks(n, () -> {
            int i = await(barrier.waitAll());
            results.add(i);
            return done();
        }));
        Collections.sort(results);
        assertEquals(range(n), results);
        assertEquals(0, barrier.waiting());
        assertFalse(barrier.isBroken());
        return done();
    }

    @Test
    void test_context_manager() {
        runVirtual(contextManager());
    }

    // ---- test_filling_one_task ------------------------------------------------------------------------------------

    @Async
    Task<Void> fillingOneTask() {
        Barrier barrier = new Barrier(1);
        Supplier<Task<Boolean>> f = () -> {
            await(barrier.waitAll());
            return done(true);
        };
        boolean ret = await(f.get());
        assertTrue(ret);
        assertEquals(0, barrier.waiting());
        assertFalse(barrier.isBroken());
        return done();
    }

    @Test
    void test_filling_one_task() {
        runVirtual(fillingOneTask());
    }

    // ---- test_filling_one_task_twice ------------------------------------------------------------------------------

    @Async
    Task<Void> fillingOneTaskTwice() {
        Barrier barrier = new Barrier(1);

        Task<Integer> t1 = createTask(waitOf(barrier));
        await(sleep(0));
        assertEquals(0, barrier.waiting());

        Task<Integer> t2 = createTask(waitOf(barrier));
        await(sleep(0));

        assertEquals(t1.result(), t2.result());
        assertEquals(t1.isDone(), t2.isDone());

        assertEquals(0, barrier.waiting());
        assertFalse(barrier.isBroken());
        return done();
    }

    @Test
    void test_filling_one_task_twice() {
        runVirtual(fillingOneTaskTwice());
    }

    // ---- test_filling_task_by_task --------------------------------------------------------------------------------

    @Async
    Task<Void> fillingTaskByTask() {
        n = 3;
        Barrier barrier = new Barrier(n);

        Task<Integer> t1 = createTask(waitOf(barrier));
        await(sleep(0));
        assertEquals(1, barrier.waiting());

        Task<Integer> t2 = createTask(waitOf(barrier));
        await(sleep(0));
        assertEquals(2, barrier.waiting());

        Task<Integer> t3 = createTask(waitOf(barrier));
        await(sleep(0));

        await(waitTasks(List.of(t1, t2, t3), ReturnWhen.ALL_COMPLETED));

        assertEquals(0, barrier.waiting());
        assertFalse(barrier.isBroken());
        return done();
    }

    /** Adapted: asyncio's checks that repr names the "filling" state are left out (Weft names no state). */
    @Test
    void test_filling_task_by_task() {
        runVirtual(fillingTaskByTask());
    }

    // ---- test_filling_tasks_wait_twice ----------------------------------------------------------------------------

    @Async
    Task<Void> fillingTasksWaitTwice() {
        Barrier barrier = new Barrier(n);
        List<Boolean> results = new ArrayList<>();
        await(gatherTasks(n, () -> {
            await(barrier.waitAll());
            results.add(true);
            await(barrier.waitAll());
            results.add(false);
            return done();
        }));
        assertEquals(n * 2, results.size());
        assertEquals(n, Collections.frequency(results, true));
        assertEquals(n, Collections.frequency(results, false));
        assertEquals(0, barrier.waiting());
        assertFalse(barrier.isBroken());
        return done();
    }

    @Test
    void test_filling_tasks_wait_twice() {
        runVirtual(fillingTasksWaitTwice());
    }

    // ---- test_filling_tasks_check_return_value --------------------------------------------------------------------

    @Async
    Task<Void> fillingTasksCheckReturnValue() {
        Barrier barrier = new Barrier(n);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        List<Integer> res = new ArrayList<>(await(gatherTasks(n, () -> {
            await(barrier.waitAll());
            results1.add(true);
            int i = await(barrier.waitAll());
            results2.add(true);
            return done(i);
        })));
        assertEquals(trues(n), results1);
        assertEquals(trues(n), results2);
        Collections.sort(res);
        assertEquals(range(n), res);
        assertEquals(0, barrier.waiting());
        assertFalse(barrier.isBroken());
        return done();
    }

    @Test
    void test_filling_tasks_check_return_value() {
        runVirtual(fillingTasksCheckReturnValue());
    }

    // ---- test_blocking_tasks_while_draining -----------------------------------------------------------------------

    @Async
    Task<Void> blockingTasksWhileDraining() {
        int rewait = 2;
        Barrier barrier = new Barrier(n);
        Barrier barrierNowaiting = new Barrier(n - rewait);
        int[] rewaitN = {rewait};
        // Two parties arrive again at once; the other three meet at a second barrier first. Success is that all
        // five make up the second round.
        await(gatherTasks(n, () -> {
            await(barrier.waitAll());
            if (rewaitN[0] > 0) {
                rewaitN[0]--;
                await(barrier.waitAll());
            } else {
                await(barrierNowaiting.waitAll());
                await(barrier.waitAll());
            }
            return done();
        }));
        return done();
    }

    @Test
    void test_blocking_tasks_while_draining() {
        runVirtual(blockingTasksWhileDraining());
    }

    // ---- test_filling_tasks_cancel_one ----------------------------------------------------------------------------

    @Async
    Task<Void> arrivesThenRecords(Barrier barrier, List<Boolean> results) {
        await(barrier.waitAll());
        results.add(true);
        return done();
    }

    @Async
    Task<Void> fillingTasksCancelOne() {
        n = 3;
        Barrier barrier = new Barrier(n);
        List<Boolean> results = new ArrayList<>();

        Task<Void> t1 = createTask(arrivesThenRecords(barrier, results));
        await(sleep(0));
        assertEquals(1, barrier.waiting());

        Task<Void> t2 = createTask(arrivesThenRecords(barrier, results));
        await(sleep(0));
        assertEquals(2, barrier.waiting());

        t1.cancel();
        await(sleep(0));
        assertEquals(1, barrier.waiting());
        try {
            await(t1);
            throw new AssertionError("t1 was not cancelled");
        } catch (CancellationException expected) {
            // t1 left the round cancelled
        }
        assertTrue(t1.isCancelled());

        Task<Void> t3 = createTask(arrivesThenRecords(barrier, results));
        await(sleep(0));
        assertEquals(2, barrier.waiting());

        Task<Void> t4 = createTask(arrivesThenRecords(barrier, results));
        await(gather(t2, t3, t4));

        assertEquals(trues(n), results);
        assertEquals(0, barrier.waiting());
        assertFalse(barrier.isBroken());
        return done();
    }

    @Test
    void test_filling_tasks_cancel_one() {
        runVirtual(fillingTasksCancelOne());
    }

    // ---- test_reset_barrier ---------------------------------------------------------------------------------------

    @Async
    Task<Void> resetBarrier() {
        Barrier barrier = new Barrier(1);
        createTask(resetOf(barrier));
        await(sleep(0));
        assertEquals(0, barrier.waiting());
        assertFalse(barrier.isBroken());
        return done();
    }

    @Test
    void test_reset_barrier() {
        runVirtual(resetBarrier());
    }

    // ---- test_reset_barrier_while_tasks_waiting -------------------------------------------------------------------

    @Async
    Task<Void> resetBarrierWhileTasksWaiting() {
        Barrier barrier = new Barrier(n);
        List<Boolean> results = new ArrayList<>();

        List<Task<Void>> tasks = makeTasks(n - 1, () -> {
            try {
                await(barrier.waitAll());
            } catch (BarrierBrokenException e) {
                results.add(true);
            }
            return done();
        });
        await(sleep(0));

        createTask(resetOf(barrier));
        await(gather(tasks));

        assertEquals(trues(n - 1), results);
        assertEquals(0, barrier.waiting());
        assertFalse(barrier.isBroken());
        return done();
    }

    /** Adapted: asyncio's check that repr no longer says "resetting" is left out (Weft names no state). */
    @Test
    void test_reset_barrier_while_tasks_waiting() {
        runVirtual(resetBarrierWhileTasksWaiting());
    }

    // ---- test_reset_barrier_when_tasks_half_draining --------------------------------------------------------------

    @Async
    Task<Void> resetBarrierWhenTasksHalfDraining() {
        Barrier barrier = new Barrier(n);
        List<Boolean> results1 = new ArrayList<>();
        int restOfTasks = n / 2;
        int[] exited = {0};

        await(gatherTasks(n, () -> {
            try {
                await(barrier.waitAll());
            } catch (BarrierBrokenException e) {
                // a party still draining when the barrier was reset
                results1.add(true);
                return done();
            }
            exited[0]++;
            // asyncio's barrier._count: the parties of the round that have not left yet
            if (restOfTasks == n - exited[0]) {
                barrier.reset();
            }
            return done();
        }));

        assertEquals(trues(restOfTasks), results1);
        assertEquals(0, barrier.waiting());
        assertFalse(barrier.isBroken());
        return done();
    }

    /**
     * Adapted: asyncio reads the private {@code barrier._count} (parties still inside); here each party counts its own
     * exit. The "resetting" repr check is left out.
     */
    @Test
    void test_reset_barrier_when_tasks_half_draining() {
        runVirtual(resetBarrierWhenTasksHalfDraining());
    }

    // ---- test_reset_barrier_when_tasks_half_draining_half_blocking ------------------------------------------------

    @Async
    Task<Void> resetBarrierWhenTasksHalfDrainingHalfBlocking() {
        Barrier barrier = new Barrier(n);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        int blockingTasks = n / 2;
        int[] count = {0};

        await(gatherTasks(n, () -> {
            boolean passed;
            try {
                await(barrier.waitAll());
                passed = true;
            } catch (BarrierBrokenException e) {
                passed = false;
            }
            if (!passed) {
                // still draining when reset: arrive again for the next round
                results1.add(true);
                await(barrier.waitAll());
            } else {
                count[0]++;
                if (count[0] > blockingTasks) {
                    barrier.reset();
                    await(barrier.waitAll());
                } else {
                    try {
                        await(barrier.waitAll());
                    } catch (BarrierBrokenException e) {
                        results2.add(true);
                    }
                }
            }
            return done();
        }));

        assertEquals(trues(blockingTasks), results1);
        assertEquals(List.of(), results2);
        assertEquals(0, barrier.waiting());
        assertFalse(barrier.isBroken());
        return done();
    }

    /** Adapted: the "resetting" repr check is left out. */
    @Test
    void test_reset_barrier_when_tasks_half_draining_half_blocking() {
        runVirtual(resetBarrierWhenTasksHalfDrainingHalfBlocking());
    }

    // ---- test_reset_barrier_while_tasks_waiting_and_waiting_again -------------------------------------------------

    @Async
    Task<Void> resetBarrierWhileTasksWaitingAndWaitingAgain() {
        Barrier barrier = new Barrier(n);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();

        List<Task<Void>> tasks = makeTasks(n - 1, () -> {
            try {
                await(barrier.waitAll());
            } catch (BarrierBrokenException e) {
                results1.add(true);
            } finally {
                await(barrier.waitAll());
                results2.add(true);
            }
            return done();
        });

        createTask(resetOf(barrier));
        await(sleep(0));

        Supplier<Task<Void>> coro2 = () -> {
            await(barrier.waitAll());
            results2.add(true);
            return done();
        };
        createTask(coro2.get());

        await(gather(tasks));

        assertFalse(barrier.isBroken());
        assertEquals(trues(n - 1), results1);
        assertEquals(trues(n), results2);
        assertEquals(0, barrier.waiting());
        return done();
    }

    @Test
    void test_reset_barrier_while_tasks_waiting_and_waiting_again() {
        runVirtual(resetBarrierWhileTasksWaitingAndWaitingAgain());
    }

    // ---- test_reset_barrier_while_tasks_draining ------------------------------------------------------------------

    @Async
    Task<Void> resetBarrierWhileTasksDraining() {
        Barrier barrier = new Barrier(n);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        List<Boolean> results3 = new ArrayList<>();
        int[] count = {0};

        await(gatherTasks(n, () -> {
            await(barrier.waitAll());
            count[0]++;
            if (count[0] == n) {
                // the last party of the round to leave resets, then arrives for the next round
                barrier.reset();
                await(barrier.waitAll());
            } else {
                try {
                    await(barrier.waitAll());
                    results1.add(true);
                } catch (CancellationException e) {
                    throw e;
                } catch (Exception e) {
                    results2.add(true);
                }
            }
            await(barrier.waitAll());
            results3.add(true);
            return done();
        }));

        assertFalse(barrier.isBroken());
        assertEquals(trues(n - 1), results1);
        assertEquals(0, results2.size());
        assertEquals(trues(n), results3);
        assertEquals(0, barrier.waiting());
        return done();
    }

    @Test
    void test_reset_barrier_while_tasks_draining() {
        runVirtual(resetBarrierWhileTasksDraining());
    }

    // ---- test_abort_barrier ---------------------------------------------------------------------------------------

    @Async
    Task<Void> abortBarrier() {
        Barrier barrier = new Barrier(1);
        createTask(abortOf(barrier));
        await(sleep(0));
        assertEquals(0, barrier.waiting());
        assertTrue(barrier.isBroken());
        return done();
    }

    @Test
    void test_abort_barrier() {
        runVirtual(abortBarrier());
    }

    // ---- test_abort_barrier_when_tasks_half_draining_half_blocking ------------------------------------------------

    @Async
    Task<Void> abortBarrierWhenTasksHalfDrainingHalfBlocking() {
        Barrier barrier = new Barrier(n);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        int blockingTasks = n / 2;
        int[] count = {0};

        await(gatherTasks(n, () -> {
            boolean passed;
            try {
                await(barrier.waitAll());
                passed = true;
            } catch (BarrierBrokenException e) {
                // still draining when the barrier was aborted
                results1.add(true);
                passed = false;
            }
            if (passed) {
                count[0]++;
                if (count[0] > blockingTasks) {
                    barrier.abort();
                } else {
                    try {
                        await(barrier.waitAll());
                    } catch (BarrierBrokenException e) {
                        // left already, arrived again and broken
                        results2.add(true);
                    }
                }
            }
            return done();
        }));

        assertTrue(barrier.isBroken());
        assertEquals(trues(blockingTasks), results1);
        assertEquals(trues(n - blockingTasks - 1), results2);
        assertEquals(0, barrier.waiting());
        return done();
    }

    /** Adapted: the "resetting" repr check is left out. */
    @Test
    void test_abort_barrier_when_tasks_half_draining_half_blocking() {
        runVirtual(abortBarrierWhenTasksHalfDrainingHalfBlocking());
    }

    // ---- test_abort_barrier_when_exception ------------------------------------------------------------------------

    @Async
    Task<Void> abortBarrierWhenException() {
        Barrier barrier = new Barrier(n);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();

        await(gatherTasks(n, () -> {
            try {
                int i = await(barrier.waitAll());
                if (i == n / 2) {
                    throw new Boom();
                }
                await(barrier.waitAll());
                results1.add(true);
            } catch (BarrierBrokenException e) {
                results2.add(true);
            } catch (Boom e) {
                barrier.abort();
            }
            return done();
        }));

        assertTrue(barrier.isBroken());
        assertEquals(0, results1.size());
        assertEquals(trues(n - 1), results2);
        assertEquals(0, barrier.waiting());
        return done();
    }

    @Test
    void test_abort_barrier_when_exception() {
        runVirtual(abortBarrierWhenException());
    }

    // ---- test_abort_barrier_when_exception_then_resetting ---------------------------------------------------------

    @Async
    Task<Void> abortBarrierWhenExceptionThenResetting() {
        Barrier barrier1 = new Barrier(n);
        Barrier barrier2 = new Barrier(n);
        List<Boolean> results1 = new ArrayList<>();
        List<Boolean> results2 = new ArrayList<>();
        List<Boolean> results3 = new ArrayList<>();

        await(gatherTasks(n, () -> {
            try {
                int i = await(barrier1.waitAll());
                if (i == n / 2) {
                    throw new Boom();
                }
                await(barrier1.waitAll());
                results1.add(true);
            } catch (BarrierBrokenException e) {
                results2.add(true);
            } catch (Boom e) {
                barrier1.abort();
            }

            // Everyone meets at barrier2 before barrier1 is reset and again after, so no one is still inside
            // barrier1 at the reset and no one enters it before.
            int i = await(barrier2.waitAll());
            if (i == n / 2) {
                barrier1.reset();
            }
            await(barrier2.waitAll());
            await(barrier1.waitAll());
            results3.add(true);
            return done();
        }));

        assertFalse(barrier1.isBroken());
        assertEquals(0, results1.size());
        assertEquals(trues(n - 1), results2);
        assertEquals(trues(n), results3);
        assertEquals(0, barrier1.waiting());
        return done();
    }

    @Test
    void test_abort_barrier_when_exception_then_resetting() {
        runVirtual(abortBarrierWhenExceptionThenResetting());
    }
}
