package dev.weft.it;

import dev.weft.Async;
import dev.weft.Task;

import java.util.ArrayList;
import java.util.List;

import static dev.weft.Weft.*;

public class Pipeline {
    @Async
    static Task<Integer> square(int x) {
        await(sleep(x));
        return done(x * x);
    }

    @Async
    public static Task<List<Integer>> squares(int n) {
        List<Task<Integer>> started = new ArrayList<>();
        for (int i = n; i >= 1; i--) {
            started.add(createTask(square(i)));
        }
        List<Integer> results = new ArrayList<>();
        for (Task<Integer> task : started) {
            results.add(0, await(task));
        }
        return done(results);
    }

    /** A class without @Async: never woven, counted as untouched. */
    public static final class Plain {
        public static int identity(int x) {
            return x;
        }
    }
}
