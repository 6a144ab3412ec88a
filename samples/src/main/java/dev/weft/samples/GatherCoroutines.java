package dev.weft.samples;

import dev.weft.Async;
import dev.weft.Task;

import java.util.ArrayList;
import java.util.List;

import static dev.weft.Weft.*;

/** asyncio_basic_7.py: gather over coroutines made at run time. Prints {@code [5, 9, 10, 9]}. */
public class GatherCoroutines {
    @Async
    static Task<Integer> add(int x, int y) {
        return done(x + y);
    }

    @Async
    static Task<Void> getResults() {
        int[][] inputs = {{2, 3}, {4, 5}, {5, 5}, {7, 2}};
        List<Task<Integer>> cors = new ArrayList<>();   // a coroutine list
        for (int[] in : inputs) {
            cors.add(add(in[0], in[1]));
        }
        Task<List<Integer>> results = gather(cors);
        System.out.println(await(results));   // Prints [5, 9, 10, 9]
        return done();
    }

    public static void main(String[] args) {
        run(getResults());
    }
}
