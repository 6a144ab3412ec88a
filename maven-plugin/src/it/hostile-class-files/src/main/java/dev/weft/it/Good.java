package dev.weft.it;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

public class Good {
    @Async
    public static Task<Integer> answer() {
        await(sleep(1));
        return done(42);
    }
}
