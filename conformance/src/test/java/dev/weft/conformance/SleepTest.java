package dev.weft.conformance;

import dev.weft.Async;
import dev.weft.AsyncTimeoutException;
import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.Timeout;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sleeps, awaited in the two forms the weaver compiles differently: {@code await(sleep(t))}, where the coroutine waits
 * in the timer heap itself, and a sleep task held in a variable first, which stays a task anyone may see. Each test
 * runs both forms and they must behave the same.
 */
class SleepTest extends InterleavingTest {

    /** Sleeps {@code millis}, directly awaited (fused) or through a variable (a real sleep task). */
    @Async
    Task<Void> sleeps(long millis, boolean direct) {
        if (direct) {
            await(sleep(millis));
        } else {
            Task<Void> sleep = sleep(millis);
            await(sleep);
        }
        return done();
    }

    @Async
    Task<Void> sleepsThenRecords(long millis, boolean direct, int step) {
        await(sleeps(millis, direct));
        steps.expect(step, "woke after " + millis + " ms");
        return done();
    }

    @Async
    Task<Void> wakesInDeadlineOrderThenCreationOrder(boolean direct) {
        Task<Void> c = createTask(sleepsThenRecords(30, direct, 4));
        Task<Void> a = createTask(sleepsThenRecords(10, direct, 2));
        Task<Void> b = createTask(sleepsThenRecords(10, direct, 3));
        steps.expect(1);
        await(gather(a, b, c));
        steps.expect(5);
        return done();
    }

    @Test
    void sleepersWakeInDeadlineOrderThenInTheOrderTheySleep() {
        for (boolean direct : new boolean[] {true, false}) {
            SleepTest test = new SleepTest();
            run(test.wakesInDeadlineOrderThenCreationOrder(direct), EventLoop::newVirtualTimeLoop);
            test.steps.finish(5);
        }
    }

    // ---- cancellation -------------------------------------------------------------------------------------------

    @Async
    Task<String> sleepsUntilCancelled(long millis, boolean direct, int sleeps, int cancelled) {
        steps.expect(sleeps, "sleeps");
        try {
            await(sleeps(millis, direct));
            throw steps.unreachable("the sleep ended normally");
        } catch (CancellationException e) {
            steps.expect(cancelled, "cancelled");
            return done(e.getMessage());
        }
    }

    @Async
    Task<String> cancelsASleeper(long millis, boolean direct) {
        Task<String> sleeper = createTask(sleepsUntilCancelled(millis, direct, 2, 4));
        steps.expect(1);
        await(sleep(0));
        steps.expect(3, "the sleeper sleeps; cancel it");
        sleeper.cancel();
        String message = await(sleeper);
        steps.expect(5);
        return done(message);
    }

    @Test
    void cancellingASleepingTaskEndsItsSleepWithACancellation() {
        for (long millis : new long[] {0, 10_000}) {
            for (boolean direct : new boolean[] {true, false}) {
                SleepTest test = new SleepTest();
                String message = run(test.cancelsASleeper(millis, direct), EventLoop::newVirtualTimeLoop);
                test.steps.finish(5);
                assertEquals("sleep was cancelled", message, "sleep(" + millis + "), direct: " + direct);
            }
        }
    }

    @Async
    Task<Void> cancelledBeforeItsSleepResumes(boolean direct) {
        Task<String> sleeper = createTask(sleepsUntilCancelled(10, direct, 1, 3));
        // Due at the same time as the sleep but added after it: runs once the sleeper is due and about to resume.
        EventLoop.current().callLater(Duration.ofMillis(10), () -> {
            steps.expect(2, "the sleep is over; cancel before the sleeper runs");
            sleeper.cancel();
        });
        await(sleep(5));
        assertEquals("sleep was cancelled", await(sleeper));
        steps.expect(4);
        return done();
    }

    @Test
    void aCancelThatComesAfterTheDeadlineButBeforeTheResumeStillCancels() {
        for (boolean direct : new boolean[] {true, false}) {
            SleepTest test = new SleepTest();
            run(test.cancelledBeforeItsSleepResumes(direct), EventLoop::newVirtualTimeLoop);
            test.steps.finish(4);
        }
    }

    // ---- timeouts -------------------------------------------------------------------------------------------------

    @Async
    Task<String> sleepsPastATimeout(boolean direct) {
        try (Timeout scope = timeout(Duration.ofMillis(10))) {
            await(sleeps(1_000, direct));
            return done("slept");
        } catch (AsyncTimeoutException e) {
            return done("timed out at " + EventLoop.current().time());
        }
    }

    @Test
    void aTimeoutScopeEndsASleepAtItsDeadline() {
        for (boolean direct : new boolean[] {true, false}) {
            assertEquals("timed out at 0.01", run(sleepsPastATimeout(direct), EventLoop::newVirtualTimeLoop));
            assertEquals("timed out", run(waitForASleep(direct), EventLoop::newVirtualTimeLoop));
        }
    }

    @Async
    Task<String> waitForASleep(boolean direct) {
        try {
            await(waitFor(sleeps(1_000, direct), Duration.ofMillis(10)));
            return done("slept");
        } catch (AsyncTimeoutException e) {
            return done("timed out");
        }
    }

    // ---- return done(v) ---------------------------------------------------------------------------------------------

    @Async
    Task<Integer> returnsAfterASleep(int x) {
        await(sleep(1));
        return done(x * 2);
    }

    @Async
    Task<Object> returnsATask() {
        Task<Integer> inner = returnsAfterASleep(4);
        return done(inner);
    }

    @Test
    void returnDoneGivesItsValueEvenWhenTheValueIsATask() {
        assertEquals(42, run(returnsAfterASleep(21), EventLoop::newVirtualTimeLoop));
        Object inner = run(returnsATask(), EventLoop::newVirtualTimeLoop);
        assertEquals(false, ((Task<?>) inner).isDone(), "the task is the value, not something awaited");
    }
}
