package dev.weft.bench.tasks;

import dev.weft.Async;
import dev.weft.Task;
import dev.weft.bench.Workload;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.done;

final class WeftTrivialTasks {
    private WeftTrivialTasks() {
    }

    @Async
    static Task<Integer> trivial(int x) {
        return done(x);
    }

    /** Each task scheduled on the loop with createTask, then awaited: the driver suspends until the loop runs it. */
    @Async
    static Task<Long> createTaskAndAwaitEach(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(createTask(trivial(Workload.small(i))));
        }
        return done(sum);
    }

    /** Each coroutine awaited directly: it runs inside the driver, with no trip through the loop. */
    @Async
    static Task<Long> awaitEach(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(trivial(Workload.small(i)));
        }
        return done(sum);
    }
}
