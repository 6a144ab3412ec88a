package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

public class Basics {
    @Async
    static Task<Integer> add(int x, int y) {
        await(sleep(1));
        return done(x + y);
    }

    @Async
    static Task<String> getResults() {
        int a = await(add(3, 4));
        int b = await(add(5, 5));
        return done(a + " " + b);
    }

    @Async
    static Task<Integer> noAwait(int x) {
        return done(x * 2);
    }
}
