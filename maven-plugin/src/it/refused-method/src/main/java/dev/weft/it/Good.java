package dev.weft.it;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

public class Good {
    @Async
    static Task<Integer> twice(int x) {
        await(sleep(1));
        return done(2 * x);
    }
}
