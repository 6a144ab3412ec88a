package dev.weft.samples;

import dev.weft.Async;
import dev.weft.Task;

import java.util.ArrayList;
import java.util.List;

import static dev.weft.Weft.*;

/**
 * asyncio_basic_9.py: consume results as they are ready with asCompleted. Here every addition is ready at once, so
 * they come in the order they were scheduled: 5, 9, 10, 9, one per line.
 */
public class AsCompletedResults {
    @Async
    static Task<Integer> add(int x, int y) {
        return done(x + y);
    }

    @Async
    static Task<Void> getResults() {
        int[][] inputs = {{2, 3}, {4, 5}, {5, 5}, {7, 2}};
        List<Task<Integer>> cors = new ArrayList<>();
        for (int[] in : inputs) {
            cors.add(add(in[0], in[1]));
        }
        for (Task<Integer> cor : asCompleted(cors)) {   // results of coroutines as they are ready
            System.out.println(await(cor));
        }
        return done();
    }

    public static void main(String[] args) {
        run(getResults());
    }
}
