package dev.weft.conformance;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.function.Supplier;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Async lambdas woven by the Maven plugin at build time: tasks made from lambdas interleave, are cancelled and
 * memoized like tasks of @Async methods.
 */
class AsyncLambdaTest extends InterleavingTest {

    @Async
    Task<List<String>> lambdasAsTasksInterleave() {
        List<String> out = new ArrayList<>();
        Function<String, Task<Void>> worker = name -> {
            for (int i = 0; i < 2; i++) {
                out.add(name + i);
                await(sleep(0));
            }
            return done();
        };
        steps.expect(1);
        await(gather(worker.apply("a"), worker.apply("b")));
        steps.expect(2, "both lambdas ran, turn by turn");
        return done(out);
    }

    @Test
    void lambdaTasksRunTurnByTurnLikeAsyncMethods() {
        assertEquals(List.of("a0", "b0", "a1", "b1"),
                run(lambdasAsTasksInterleave(), EventLoop::newVirtualTimeLoop));
        steps.finish(2);
    }

    @Async
    Task<String> aLambdaTaskIsCancelledAtItsAwait() {
        Supplier<Task<String>> sleeper = () -> {
            steps.expect(2, "the lambda sleeps");
            try {
                await(sleep(10_000));
                throw steps.unreachable("the sleep ended normally");
            } catch (CancellationException e) {
                steps.expect(4, "cancelled inside the lambda");
                throw e;
            }
        };
        Task<String> task = createTask(sleeper.get());
        steps.expect(1);
        await(sleep(0));
        steps.expect(3, "cancel it");
        task.cancel();
        await(cancelledAsExpected(task));
        steps.expect(5);
        return done("ok");
    }

    @Test
    void cancellingALambdaTaskThrowsAtItsAwait() {
        assertEquals("ok", run(aLambdaTaskIsCancelledAtItsAwait(), EventLoop::newVirtualTimeLoop));
        steps.finish(5);
    }

    @Async
    Task<String> memoizedFetches() {
        Map<String, Task<Integer>> cache = new HashMap<>();
        int[] fetched = {0};
        Function<String, Task<Integer>> fetch = key -> cache.computeIfAbsent(key, k -> createTask(call(() -> {
            fetched[0]++;
            await(sleep(5));
            return done(k.length());
        })));
        Task<Integer> a = fetch.apply("four");
        Task<Integer> b = fetch.apply("four");
        Task<Integer> c = fetch.apply("three");
        int sum = await(c) + await(a) + await(b);
        return done(sum + " fetched " + fetched[0]);
    }

    private static <T> Task<T> call(Supplier<Task<T>> body) {
        return body.get();
    }

    @Test
    void computeIfAbsentWithAnAsyncLambdaFetchesEachKeyOnce() {
        assertEquals("13 fetched 2", run(memoizedFetches(), EventLoop::newVirtualTimeLoop));
    }
}
