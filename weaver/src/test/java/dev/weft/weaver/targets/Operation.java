package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

/** An operation whose default @Async method enum constants of {@link OpViaInterface} override in their bodies. */
public interface Operation {
    String symbol();

    @Async
    default Task<Integer> apply(int a, int b) {
        await(sleep(1));
        return done(a - b);
    }
}
