package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.Task;
import dev.weft.TaskGroup;
import dev.weft.TaskGroupException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * CPython's {@code test_taskgroups.py}, {@code TestTaskGroup}: a group's members, their results, and cancellation
 * coming from outside the group or from a member's failure. The body of {@code async with} ends in
 * {@code await(g.join())}; see {@link TaskGroupsTestCase}.
 */
class TaskGroupsTests extends TaskGroupsTestCase {
    private int num;
    private boolean t2Cancel;
    private boolean runnerCancel;
    private Task<Integer> t1;
    private Task<Integer> t2;

    // ---- members that succeed -------------------------------------------------------------------------------------

    @Async
    Task<Void> taskgroup01() {
        try (TaskGroup g = new TaskGroup()) {
            t1 = g.createTask(sleepThenReturn(100, 42));
            t2 = g.createTask(sleepThenReturn(200, 11));
            await(g.join());
        }
        assertEquals(42, t1.result());
        assertEquals(11, t2.result());
        return done();
    }

    @Test
    void test_taskgroup_01() {
        runVirtual(taskgroup01());
    }

    @Async
    Task<Void> taskgroup02() {
        try (TaskGroup g = new TaskGroup()) {
            t1 = g.createTask(sleepThenReturn(100, 42));
            await(sleep(150));
            t2 = g.createTask(sleepThenReturn(200, 11));
            await(g.join());
        }
        assertEquals(42, t1.result());
        assertEquals(11, t2.result());
        return done();
    }

    @Test
    void test_taskgroup_02() {
        runVirtual(taskgroup02());
    }

    /** A member cancelled by hand is not a failure: the group goes on. */
    @Async
    Task<Void> taskgroup03() {
        try (TaskGroup g = new TaskGroup()) {
            t1 = g.createTask(sleepThenReturn(1000, 42));
            await(sleep(150));
            t1.cancel();
            t2 = g.createTask(sleepThenReturn(200, 11));
            await(g.join());
        }
        assertTrue(t1.isCancelled());
        assertEquals(11, t2.result());
        return done();
    }

    @Test
    void test_taskgroup_03() {
        runVirtual(taskgroup03());
    }

    // ---- a member fails ---------------------------------------------------------------------------------------------

    /** CPython's {@code foo2}: sleeps, noting a cancellation; counts one if it wakes normally. */
    @Async
    Task<Integer> notesCancel(long millis) {
        try {
            await(sleep(millis));
        } catch (CancellationException e) {
            t2Cancel = true;
            throw e;
        }
        num += 1;
        return done(0);
    }

    @Async
    Task<Void> runner04() {
        try (TaskGroup g = new TaskGroup()) {
            g.createTask(sleepThenDivideByZero(100));
            t2 = g.createTask(notesCancel(1000));
            await(g.join());
        }
        num += 10;
        return done();
    }

    @Async
    Task<Void> taskgroup04() {
        try {
            await(createTask(runner04()));
            fail("ExceptionGroup was not raised");
        } catch (TaskGroupException e) {
            assertEquals(Set.of(ArithmeticException.class), errorTypes(e));
        }
        assertEquals(0, num);
        assertTrue(t2Cancel);
        assertTrue(t2.isCancelled());
        return done();
    }

    @Test
    void test_taskgroup_04() {
        runVirtual(taskgroup04());
    }

    @Async
    Task<Void> runnerChildError() {
        try (TaskGroup g = new TaskGroup()) {
            g.createTask(sleepThenDivideByZero(100));
            g.createTask(sleepThenDivideByZero(100));
            g.createTask(sleepThenDivideByZero(100));
            g.createTask(notesCancel(5000));
            try {
                await(sleep(10_000));
            } catch (TaskGroupException e) {
                // Adapted: the body's await is cancelled by the group and throws the group's failure (asyncio's body
                // sees CancelledError, which the group turns into the ExceptionGroup on exit; Java's close() cannot).
                runnerCancel = true;
                throw e;
            }
            await(g.join());
        }
        num += 10;
        return done();
    }

    @Async
    Task<Void> cancelChildrenOnChildError() {
        try {
            await(createTask(runnerChildError()));
            fail("ExceptionGroup was not raised");
        } catch (TaskGroupException e) {
            assertEquals(Set.of(ArithmeticException.class), errorTypes(e));
        }
        assertEquals(0, num);
        assertTrue(t2Cancel);
        assertTrue(runnerCancel);
        return done();
    }

    /** The first failure cancels the other members and the task running the body. */
    @Test
    void test_cancel_children_on_child_error() {
        runVirtual(cancelChildrenOnChildError());
    }

    // ---- the task running the group is cancelled --------------------------------------------------------------------

    /** CPython's {@code foo}: sleeps, counting a cancellation. */
    @Async
    Task<Void> countsCancel(long millis) {
        try {
            await(sleep(millis));
        } catch (CancellationException e) {
            num += 1;
            throw e;
        }
        return done();
    }

    @Async
    Task<Void> runnerCancellation() {
        try (TaskGroup g = new TaskGroup()) {
            for (int i = 0; i < 5; i++) {
                g.createTask(countsCancel(5000));
            }
            await(g.join());
        }
        return done();
    }

    @Async
    Task<Void> cancellation() {
        Task<Void> r = createTask(runnerCancellation());
        await(sleep(100));
        assertFalse(r.isDone());
        r.cancel();
        try {
            await(r);
            fail("CancelledError was not raised");
        } catch (CancellationException expected) {
            // as CPython
        }
        assertEquals(5, num);
        return done();
    }

    /** Cancelling the task that waits in {@code join()} cancels every member, and they finish first. */
    @Test
    void test_cancellation() {
        runVirtual(cancellation());
    }

    @Async
    Task<Void> runner07() {
        try (TaskGroup g = new TaskGroup()) {
            for (int i = 0; i < 5; i++) {
                g.createTask(countsCancel(5000));
            }
            try {
                await(sleep(10_000));
            } catch (CancellationException e) {
                num += 10;
                throw e;
            }
            await(g.join());
        }
        return done();
    }

    @Async
    Task<Void> taskgroup07() {
        Task<Void> r = createTask(runner07());
        await(sleep(100));
        assertFalse(r.isDone());
        r.cancel();
        try {
            await(r);
            fail("CancelledError was not raised");
        } catch (CancellationException expected) {
            // as CPython
        }
        assertEquals(15, num);
        return done();
    }

    /** The body is cancelled while it sleeps; leaving the block cancels the members. */
    @Test
    void test_taskgroup_07() {
        runVirtual(taskgroup07());
    }

    @Async
    Task<Void> runnerCancellationInBody() {
        try (TaskGroup g = new TaskGroup()) {
            for (int i = 0; i < 5; i++) {
                g.createTask(sleepThenDivideByZero(100));
            }
            try {
                await(sleep(10_000));
            } catch (CancellationException e) {
                throw e;
            }
            await(g.join());
        }
        return done();
    }

    @Async
    Task<Void> cancellationInBody() {
        Task<Void> r = createTask(runnerCancellationInBody());
        await(sleep(100));
        assertFalse(r.isDone());
        r.cancel();
        try {
            await(r);
            fail("CancelledError was not raised");
        } catch (CancellationException expected) {
            // as CPython
        }
        return done();
    }

    /** The cancellation of the body wins over members failing in the same instant. */
    @Test
    void test_cancellation_in_body() {
        runVirtual(cancellationInBody());
    }

    // ---- the body itself fails --------------------------------------------------------------------------------------

    @Async
    Task<Void> runner09(boolean sleepFirst) {
        try (TaskGroup g = new TaskGroup()) {
            t1 = g.createTask(sleepThenReturn(1000, 42));
            t2 = g.createTask(sleepThenReturn(2000, 11));
            if (sleepFirst) {
                await(sleep(100));
            }
            divideByZero();
            await(g.join());
        }
        return done();
    }

    /**
     * Adapted: the body's exception leaves the block as it is (try-with-resources cannot replace it with a group), and
     * the members, cancelled by {@code close()}, which cannot wait, finish cancelling once the loop runs again.
     */
    @Async
    Task<Void> bodyFails(boolean sleepFirst) {
        try {
            await(runner09(sleepFirst));
            fail("ExceptionGroup was not raised");
        } catch (ArithmeticException t) {
            assertEquals(Set.of(ArithmeticException.class), errorTypes(t));
        }
        await(settle(t1, t2));
        assertTrue(t1.isCancelled());
        assertTrue(t2.isCancelled());
        return done();
    }

    @Test
    void test_taskgroup_09() {
        runVirtual(bodyFails(true));
    }

    @Test
    void test_taskgroup_10() {
        runVirtual(bodyFails(false));
    }

    // ---- nested groups ----------------------------------------------------------------------------------------------

    @Async
    Task<Void> runner13() {
        try (TaskGroup g1 = new TaskGroup()) {
            g1.createTask(crashAfter(0.1));
            try (TaskGroup g2 = new TaskGroup()) {
                g2.createTask(crashAfter(10));
                await(g2.join());
            }
            await(g1.join());
        }
        return done();
    }

    @Async
    Task<Void> taskgroup13() {
        Task<Void> r = createTask(runner13());
        try {
            await(r);
            fail("ExceptionGroup was not raised");
        } catch (TaskGroupException e) {
            assertEquals(Set.of(ValueError.class), errorTypes(e));
            // Which ValueError: the outer member's, raised at 0.1 s (the inner one is cancelled before its 10 s).
            assertEquals(0.1, ((ValueError) e.exceptions().get(0)).arg);
        }
        return done();
    }

    /** The outer group's failure cancels the body, and so the inner group waiting in its join. */
    @Test
    void test_taskgroup_13() {
        runVirtual(taskgroup13());
    }

    @Async
    Task<Void> runner14() {
        try (TaskGroup g1 = new TaskGroup()) {
            g1.createTask(crashAfter(10));
            try (TaskGroup g2 = new TaskGroup()) {
                g2.createTask(crashAfter(0.1));
                await(g2.join());
            }
            await(g1.join());
        }
        return done();
    }

    /**
     * Adapted: the inner group's exception is the outer body's exception, so it leaves the outer block as it is
     * (CPython nests it in the outer group: {@code {ExceptionGroup}} holding {@code {ValueError}}).
     */
    @Async
    Task<Void> taskgroup14() {
        Task<Void> r = createTask(runner14());
        try {
            await(r);
            fail("ExceptionGroup was not raised");
        } catch (TaskGroupException inner) {
            assertEquals(Set.of(ValueError.class), errorTypes(inner));
        }
        return done();
    }

    @Test
    void test_taskgroup_14() {
        runVirtual(taskgroup14());
    }

    // ---- the body handles its cancellation --------------------------------------------------------------------------

    @Async
    Task<Void> runner17(boolean raiseMyExc) {
        try (TaskGroup g = new TaskGroup()) {
            try {
                await(sleep(10_000));
            } catch (CancellationException e) {
                num += 10;
                if (raiseMyExc) {
                    throw new MyExc();
                }
                throw e;
            }
            await(g.join());
        }
        return done();
    }

    @Async
    Task<Void> taskgroup17() {
        Task<Void> r = createTask(runner17(false));
        await(sleep(100));
        assertFalse(r.isDone());
        r.cancel();
        try {
            await(r);
            fail("CancelledError was not raised");
        } catch (CancellationException expected) {
            // as CPython
        }
        assertEquals(10, num);
        return done();
    }

    @Test
    void test_taskgroup_17() {
        runVirtual(taskgroup17());
    }

    /** Adapted: the body's MyExc leaves the block as it is, where CPython wraps it in a group of one. */
    @Async
    Task<Void> taskgroup18() {
        Task<Void> r = createTask(runner17(true));
        await(sleep(100));
        assertFalse(r.isDone());
        r.cancel();
        try {
            await(r);
            fail("ExceptionGroup was not raised");
        } catch (MyExc t) {
            assertEquals(Set.of(MyExc.class), errorTypes(t));
        }
        assertEquals(10, num);
        return done();
    }

    @Test
    void test_taskgroup_18() {
        runVirtual(taskgroup18());
    }

    @Async
    Task<Void> runner22() {
        try (TaskGroup g = new TaskGroup()) {
            g.createTask(sleepThenReturn(1000, 42));
            g.createTask(sleepThenReturn(2000, 11));
            await(g.join());
        }
        return done();
    }

    @Async
    Task<Void> taskgroup22() {
        Task<Void> r = createTask(runner22());
        await(sleep(50));
        r.cancel();
        try {
            await(r);
            fail("CancelledError was not raised");
        } catch (CancellationException expected) {
            // as CPython
        }
        return done();
    }

    @Test
    void test_taskgroup_22() {
        runVirtual(taskgroup22());
    }

    // ---- members come and go --------------------------------------------------------------------------------------

    private static int stillRunning(List<Task<?>> tasks) {
        int n = 0;
        for (Task<?> t : tasks) {
            if (!t.isDone()) {
                n++;
            }
        }
        return n;
    }

    @Async
    Task<Void> doJob(long millis) {
        await(sleep(millis));
        return done();
    }

    /** Adapted: CPython counts the group's private task set; here, the members created that are not done. */
    @Async
    Task<Void> taskgroup23() {
        List<Task<?>> members = new ArrayList<>();
        try (TaskGroup g = new TaskGroup()) {
            for (int count = 0; count < 10; count++) {
                await(sleep(100));
                members.add(g.createTask(doJob(300)));
                if (count == 5) {
                    assertTrue(stillRunning(members) < 5);
                }
            }
            await(sleep(1350));
            assertEquals(0, stillRunning(members));
            await(g.join());
        }
        return done();
    }

    @Test
    void test_taskgroup_23() {
        runVirtual(taskgroup23());
    }
}
