package dev.weft.conformance;

import dev.weft.Async;
import dev.weft.AsyncTimeoutException;
import dev.weft.ReturnWhen;
import dev.weft.Task;
import dev.weft.WaitResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** asCompleted, waitFor, waitTasks (asyncio.wait) and shield. */
class CombinatorsTest extends InterleavingTest {

    @Async
    Task<Integer> after(long millis, int value) {
        await(sleep(millis));
        return done(value);
    }

    @Async
    Task<Integer> failsAfter(long millis, RuntimeException failure) {
        await(sleep(millis));
        throw failure;
    }

    @Async
    Task<Integer> sleepsForeverRecording(int step) {
        try {
            await(sleep(3_600_000));
            throw steps.unreachable("woke after an hour");
        } finally {
            steps.expect(step, "child finished cancelling");
        }
    }

    // ---- asCompleted ----------------------------------------------------------------------------------------------

    @Async
    Task<List<Integer>> inCompletionOrder() {
        List<Integer> order = new ArrayList<>();
        for (Task<Integer> next : asCompleted(List.of(after(30, 3), after(10, 1), after(20, 2), done(0)))) {
            order.add(await(next));
        }
        return done(order);
    }

    @Test
    void asCompletedGivesResultsInTheOrderTheyFinish() {
        assertEquals(List.of(0, 1, 2, 3), run(inCompletionOrder()));
    }

    @Async
    Task<List<String>> asCompletedWithATimeout() {
        List<String> seen = new ArrayList<>();
        for (Task<Integer> next : asCompleted(List.of(after(5, 1), after(60_000, 2)), Duration.ofMillis(50))) {
            try {
                seen.add("value " + await(next));
            } catch (AsyncTimeoutException e) {
                seen.add("timeout");
            }
        }
        return done(seen);
    }

    @Test
    void asCompletedFailsTheTasksNotDoneByTheTimeout() {
        assertEquals(List.of("value 1", "timeout"), run(asCompletedWithATimeout()));
    }

    // ---- waitFor ----------------------------------------------------------------------------------------------------

    @Async
    Task<Integer> waitForInTime() {
        return done(await(waitFor(after(5, 42), Duration.ofSeconds(10))));
    }

    @Test
    void waitForGivesTheResultWhenItComesInTime() {
        assertEquals(42, run(waitForInTime()));
    }

    @Async
    Task<String> waitForTooLate() {
        steps.expect(1);
        try {
            await(waitFor(sleepsForeverRecording(2), Duration.ofMillis(20)));
            throw steps.unreachable("waitFor returned");
        } catch (AsyncTimeoutException e) {
            steps.expect(3, "timeout seen after the child finished cancelling");
            return done("fallback payload");
        }
    }

    @Test
    void waitForCancelsTheLateTaskAndWaitsForItBeforeThrowingTimeout() {
        assertEquals("fallback payload", run(waitForTooLate()));
        steps.finish(3);
    }

    @Async
    Task<String> waitForPassesFailuresThrough(RuntimeException failure) {
        try {
            await(waitFor(failsAfter(5, failure), Duration.ofSeconds(10)));
            return done("no");
        } catch (IllegalArgumentException e) {
            assertSame(failure, e);
            return done("same instance");
        }
    }

    @Test
    void waitForPassesTheTasksOwnFailureUnwrapped() {
        assertEquals("same instance", run(waitForPassesFailuresThrough(new IllegalArgumentException("x"))));
    }

    @Async
    Task<String> cancelsAWaitFor() {
        Task<Integer> guarded = createTask(waitFor(sleepsForeverRecording(2), Duration.ofHours(1)));
        await(sleep(5));
        steps.expect(1, "cancel");
        guarded.cancel();
        try {
            await(guarded);
            return done("no");
        } catch (CancellationException e) {
            steps.expect(3);
            return done("cancelled");
        }
    }

    @Test
    void cancellingWaitForCancelsTheTask() {
        assertEquals("cancelled", run(cancelsAWaitFor()));
        steps.finish(3);
    }

    // ---- waitTasks (asyncio.wait) -----------------------------------------------------------------------------------

    @Async
    Task<String> waitsFor(ReturnWhen when) {
        Task<Integer> fast = createTask(after(5, 1));
        Task<Integer> failing = createTask(failsAfter(15, new IllegalStateException("second")));
        Task<Integer> slow = createTask(after(40, 3));
        WaitResult<Integer> result = await(waitTasks(List.of(fast, failing, slow), when));
        String answer = names(result.done(), fast, failing, slow) + " / " + names(result.pending(), fast, failing, slow);
        await(gatherOutcomes(fast, failing, slow));
        return done(answer);
    }

    private static String names(Set<Task<Integer>> set, Task<?> fast, Task<?> failing, Task<?> slow) {
        List<String> names = new ArrayList<>();
        for (Task<?> t : set) {
            names.add(t == fast ? "fast" : t == failing ? "failing" : t == slow ? "slow" : "?");
        }
        return String.join(",", names);
    }

    @Test
    void waitTasksReturnsWhenItsConditionHolds() {
        assertEquals("fast / failing,slow", run(waitsFor(ReturnWhen.FIRST_COMPLETED)));
        assertEquals("fast,failing / slow", run(waitsFor(ReturnWhen.FIRST_EXCEPTION)));
        assertEquals("fast,failing,slow / ", run(waitsFor(ReturnWhen.ALL_COMPLETED)));
    }

    @Async
    Task<String> waitTasksWithATimeout() {
        Task<Integer> fast = createTask(after(5, 1));
        Task<Integer> slow = createTask(after(60_000, 2));
        WaitResult<Integer> result = await(waitTasks(List.of(fast, slow), ReturnWhen.ALL_COMPLETED,
                Duration.ofMillis(30)));
        boolean slowGoesOn = !slow.isDone() && !slow.isCancelled();
        slow.cancel();
        return done(result.done().size() + " done, " + result.pending().size() + " pending, slow goes on: "
                + slowGoesOn);
    }

    @Test
    void waitTasksAnswersAtTheTimeoutWithoutCancellingAnything() {
        assertEquals("1 done, 1 pending, slow goes on: true", run(waitTasksWithATimeout()));
    }

    // ---- shield -------------------------------------------------------------------------------------------------------

    @Async
    Task<String> shieldsATask() {
        Task<Integer> inner = createTask(after(20, 7));
        Task<Integer> shielded = createTask(shield(inner));
        await(sleep(1));
        shielded.cancel();
        try {
            await(shielded);
            return done("no");
        } catch (CancellationException e) {
            assertFalse(inner.isDone());
            return done("shield cancelled, inner gave " + await(inner));
        }
    }

    @Test
    void cancellingTheShieldLeavesTheTaskRunning() {
        assertEquals("shield cancelled, inner gave 7", run(shieldsATask()));
    }

    @Async
    Task<Boolean> cancelledBeforeItStarts() {
        List<String> ran = new ArrayList<>();
        Task<Integer> never = createTask(recordsIfRun(ran));
        never.cancel();
        await(sleep(5));
        return done(ran.isEmpty() && never.isCancelled());
    }

    @Async
    Task<Integer> recordsIfRun(List<String> ran) {
        ran.add("ran");
        return done(1);
    }

    @Test
    void aTaskCancelledBeforeItStartsNeverRunsItsBody() {
        assertTrue(run(cancelledBeforeItStarts()));
    }
}
