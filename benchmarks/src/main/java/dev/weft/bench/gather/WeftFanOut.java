package dev.weft.bench.gather;

import dev.weft.Async;
import dev.weft.Task;
import dev.weft.bench.Workload;

import java.util.ArrayList;
import java.util.List;

import static dev.weft.Weft.await;
import static dev.weft.Weft.done;
import static dev.weft.Weft.gather;
import static dev.weft.Weft.sleep;

final class WeftFanOut {
    private WeftFanOut() {
    }

    @Async
    static Task<Integer> yieldOnce(int x) {
        await(sleep(0));
        return done(x);
    }

    @Async
    static Task<Long> gatherYielding(int n) {
        List<Task<Integer>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tasks.add(yieldOnce(Workload.small(i)));
        }
        long sum = 0;
        for (int value : await(gather(tasks))) {
            sum += value;
        }
        return done(sum);
    }
}
