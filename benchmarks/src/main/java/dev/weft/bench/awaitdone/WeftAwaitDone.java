package dev.weft.bench.awaitdone;

import dev.weft.Async;
import dev.weft.Task;
import dev.weft.bench.Workload;

import static dev.weft.Weft.await;
import static dev.weft.Weft.done;

final class WeftAwaitDone {
    private WeftAwaitDone() {
    }

    /** Await on tasks completed beforehand and kept (in the benchmark's field). */
    @Async
    static Task<Long> awaitEach(Task<Integer>[] doneTasks, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(doneTasks[Workload.small(i)]);
        }
        return done(sum);
    }

    /** Await on {@code done(x)} made on the spot, as code returning a cached value would. */
    @Async
    static Task<Long> awaitFreshDone(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(done(Workload.small(i)));
        }
        return done(sum);
    }
}
