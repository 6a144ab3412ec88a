package dev.weft.conformance;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.ExceptionContext;
import dev.weft.AsyncTimeoutException;
import dev.weft.Task;
import dev.weft.TaskGroup;
import dev.weft.TaskGroupException;
import dev.weft.Timeout;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeout scope and TaskGroup. */
class TimeoutAndGroupTest extends InterleavingTest {

    @Async
    Task<Integer> after(long millis, int value) {
        await(sleep(millis));
        return done(value);
    }

    @Async
    Task<Integer> sleepsRecording(long millis, int step) {
        try {
            await(sleep(millis));
            return done(1);
        } finally {
            steps.expect(step, "child ends");
        }
    }

    // ---- timeout scope ---------------------------------------------------------------------------------------------

    @Async
    Task<String> scopeExpires() {
        steps.expect(1);
        try (Timeout t = timeout(Duration.ofMillis(20))) {
            await(sleepsRecording(3_600_000, 2));
            throw steps.unreachable("slept an hour");
        } catch (AsyncTimeoutException e) {
            steps.expect(3, "timeout at the pending await");
        }
        await(sleep(30));
        steps.expect(4, "the deadline no longer applies");
        return done("ok");
    }

    @Test
    void aTimeoutScopeCancelsWhatItAwaitsAndThrowsTimeoutAtThePendingAwait() {
        assertEquals("ok", run(scopeExpires()));
        steps.finish(4);
    }

    @Async
    Task<Integer> scopeInTime() {
        int v;
        try (Timeout t = timeout(Duration.ofSeconds(10))) {
            v = await(after(5, 9));
            assertTrue(!t.expired());
        }
        await(sleep(5));
        return done(v);
    }

    @Test
    void workDoneInTimeIsNotDisturbed() {
        assertEquals(9, run(scopeInTime()));
    }

    @Async
    Task<String> nestedScopes() {
        try (Timeout outer = timeout(Duration.ofMillis(200))) {
            try (Timeout inner = timeout(Duration.ofMillis(10))) {
                await(sleep(3_600_000));
            } catch (AsyncTimeoutException e) {
                steps.expect(1, "inner expired");
            }
            int v = await(after(5, 3));
            return done("outer still fine, got " + v);
        }
    }

    @Test
    void anInnerScopeExpiresWithoutTheOuter() {
        assertEquals("outer still fine, got 3", run(nestedScopes()));
        steps.finish(1);
    }

    @Async
    Task<String> rescheduled() {
        try (Timeout t = timeout(Duration.ofMillis(5))) {
            t.reschedule(Duration.ofSeconds(10));
            await(sleep(30));
            return done("rescheduled");
        }
    }

    @Test
    void aScopeCanBeRescheduled() {
        assertEquals("rescheduled", run(rescheduled()));
    }

    @Test
    void aScopeOutsideAnAsyncMethodIsRefused() {
        assertThrows(IllegalStateException.class, () -> timeout(Duration.ofSeconds(1)));
    }

    // ---- TaskGroup ----------------------------------------------------------------------------------------------------

    @Async
    Task<Integer> groupSucceeds() {
        try (TaskGroup group = new TaskGroup()) {
            Task<Integer> a = group.createTask(after(20, 1));
            Task<Integer> b = group.createTask(after(10, 2));
            await(group.join());
            return done(a.result() * 10 + b.result());
        }
    }

    @Test
    void joinWaitsForEveryTaskOfTheGroup() {
        assertEquals(12, run(groupSucceeds()));
    }

    @Async
    Task<Integer> failsAfter(long millis, RuntimeException failure) {
        await(sleep(millis));
        throw failure;
    }

    @Async
    Task<String> groupFails(RuntimeException first, RuntimeException second) {
        TaskGroupException caught = null;
        try (TaskGroup group = new TaskGroup()) {
            group.createTask(failsAfter(10, first));
            group.createTask(failsAfter(10, second));
            group.createTask(sleepsRecording(3_600_000, 1));
            await(group.join());
        } catch (TaskGroupException e) {
            caught = e;
        }
        steps.expect(2, "join failed after the sibling finished cancelling");
        assertEquals(List.of(first, second), caught.exceptions());
        assertSame(first, caught.getCause());
        return done(caught.getMessage());
    }

    @Test
    void theFirstFailureCancelsTheSiblingsAndJoinReportsAllFailures() {
        assertEquals("2 tasks of the group failed",
                run(groupFails(new IllegalStateException("a"), new IllegalArgumentException("b"))));
        steps.finish(2);
    }

    @Async
    Task<String> leavesEarly() {
        Task<Integer> child;
        try (TaskGroup group = new TaskGroup()) {
            child = group.createTask(sleepsRecording(3_600_000, 2));
            await(sleep(1));
            steps.expect(1, "leaving the block without join");
        }
        try {
            await(child);
            return done("no");
        } catch (CancellationException e) {
            steps.expect(3);
            return done("cancelled");
        }
    }

    @Test
    void closingTheGroupCancelsWhatIsLeft() {
        assertEquals("cancelled", run(leavesEarly()));
        steps.finish(3);
    }

    @Async
    Task<String> failureCancelsTheBlock(RuntimeException failure) {
        Task<?> me = currentTask();
        try (TaskGroup group = new TaskGroup()) {
            group.createTask(failsAfter(10, failure));
            steps.expect(1, "the block sleeps");
            await(sleep(3_600_000));
            throw steps.unreachable("the block's sleep was not cancelled");
        } catch (TaskGroupException e) {
            steps.expect(2, "the block's await threw the group's failure");
            assertEquals(List.of(failure), e.exceptions());
            assertEquals(0, me.cancelling(), "closing the group took its cancellation back");
        }
        await(sleep(1));
        return done("went on");
    }

    @Test
    void aFailingMemberCancelsTheBlockThatRunsTheGroup() {
        assertEquals("went on", run(failureCancelsTheBlock(new IllegalStateException("boom"))));
        steps.finish(2);
    }

    @Async
    Task<Integer> addsASibling(TaskGroup group) {
        await(sleep(1));
        Task<Integer> sibling = group.createTask(after(5, 20));
        return done(1);
    }

    @Async
    Task<Integer> membersAddTasksDuringJoin() {
        TaskGroup group = new TaskGroup();
        group.createTask(addsASibling(group));
        await(group.join());
        assertEquals(0, EventLoop.current().allTasks().size() - 1, "the sibling was waited for");
        return done(1);
    }

    @Test
    void membersMayAddTasksWhileTheBlockIsInJoin() {
        assertEquals(1, run(membersAddTasksDuringJoin()));
    }

    @Async
    Task<Integer> failsWhenCancelled(RuntimeException failure) {
        try {
            await(sleep(3_600_000));
        } finally {
            throw failure;   // a member whose clean-up fails
        }
    }

    @Async
    Task<Void> leavesTheBlockWithItsOwnException(RuntimeException failure, List<ExceptionContext> reported) {
        EventLoop.current().setExceptionHandler((loop, context) -> reported.add(context));
        Task<Integer> member = null;
        try (TaskGroup group = new TaskGroup()) {
            member = group.createTask(failsWhenCancelled(failure));
            await(sleep(1));
            throw new IllegalStateException("the block's own failure");
        } catch (IllegalStateException e) {
            assertEquals("the block's own failure", e.getMessage());
        }
        await(sleep(1));
        assertTrue(member.isDone());
        return done();
    }

    @Test
    void aMemberFailingAfterTheBlockWasLeftIsReportedNotLost() {
        List<ExceptionContext> reported = new java.util.ArrayList<>();
        RuntimeException failure = new ArithmeticException("clean-up failed");
        run(leavesTheBlockWithItsOwnException(failure, reported));
        assertEquals(1, reported.size(), String.valueOf(reported));
        assertSame(failure, reported.get(0).exception());
        assertTrue(reported.get(0).message().contains("TaskGroup"), reported.get(0).message());
    }

    @Async
    Task<String> joinedGroupIsClosed() {
        TaskGroup group = new TaskGroup();
        group.createTask(after(1, 1));
        await(group.join());
        try {
            group.createTask(after(1, 2));
            return done("no");
        } catch (IllegalStateException e) {
            return done("closed");
        }
    }

    @Test
    void noTaskJoinsAGroupAfterJoin() {
        assertEquals("closed", run(joinedGroupIsClosed()));
    }
}
