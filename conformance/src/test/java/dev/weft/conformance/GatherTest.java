package dev.weft.conformance;

import dev.weft.Async;
import dev.weft.Outcome;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatherTest extends InterleavingTest {

    @Async
    Task<Integer> after(long millis, int value, int step) {
        await(sleep(millis));
        steps.expect(step, "value " + value);
        return done(value);
    }

    @Async
    Task<Integer> failsAfter(long millis, RuntimeException failure, int step) {
        await(sleep(millis));
        steps.expect(step, "fails");
        throw failure;
    }

    @Async
    Task<List<Integer>> gathersInInputOrder() {
        steps.expect(1);
        List<Integer> values = await(gather(after(30, 3, 4), after(10, 1, 2), after(20, 2, 3)));
        steps.expect(5);
        return done(values);
    }

    @Test
    void resultsComeInInputOrderWhateverOrderTheyFinish() {
        assertEquals(List.of(3, 1, 2), run(gathersInInputOrder()));
        steps.finish(5);
    }

    @Test
    void theFirstFailureReachesTheAwaiterUnwrappedAndTheOthersGoOn() {
        IllegalStateException failure = new IllegalStateException("first");
        assertEquals("caught", run(firstFailurePropagatesThenWaits(failure)));
        steps.finish(4);
    }

    @Async
    Task<String> firstFailurePropagatesThenWaits(RuntimeException failure) {
        Task<Integer> slow = createTask(after(40, 1, 4));
        try {
            await(gather(slow, failsAfter(10, failure, 1)));
            throw steps.unreachable("gather returned");
        } catch (IllegalStateException e) {
            assertSame(failure, e);
            steps.expect(2, "caught");
        }
        steps.expect(3, "the slow one still runs");
        assertEquals(1, await(slow));
        return done("caught");
    }

    @Async
    Task<List<Outcome<Integer>>> collectsOutcomes(RuntimeException failure) {
        return done(await(gatherOutcomes(after(10, 1, 1), failsAfter(20, failure, 2), after(30, 3, 3))));
    }

    @Test
    void outcomesCollectValuesAndFailuresInOrder() {
        RuntimeException failure = new RuntimeException("middle");
        List<Outcome<Integer>> outcomes = run(collectsOutcomes(failure));
        assertEquals(List.of(Outcome.success(1), Outcome.failure(failure), Outcome.success(3)), outcomes);
        steps.finish(3);
    }

    @Async
    Task<Integer> cancelledWhileSleeping(int step) {
        try {
            await(sleep(60_000));
            throw steps.unreachable("woke");
        } finally {
            steps.expect(step, "child cancelled");
        }
    }

    @Async
    Task<String> cancelsTheGather() {
        Task<List<Integer>> all = createTask(gather(cancelledWhileSleeping(2), cancelledWhileSleeping(3)));
        await(sleep(5));
        steps.expect(1, "cancel the gather");
        all.cancel();
        try {
            await(all);
            throw steps.unreachable("gather completed");
        } catch (CancellationException e) {
            steps.expect(4, "gather cancelled");
        }
        return done("ok");
    }

    @Test
    void cancellingTheGatherCancelsEveryChild() {
        assertEquals("ok", run(cancelsTheGather()));
        steps.finish(4);
    }

    @Async
    Task<List<Object>> gatherOfNothing() {
        return done(await(gather()));
    }

    @Test
    void gatherOfNoTasksIsAnEmptyList() {
        assertTrue(run(gatherOfNothing()).isEmpty());
    }
}
