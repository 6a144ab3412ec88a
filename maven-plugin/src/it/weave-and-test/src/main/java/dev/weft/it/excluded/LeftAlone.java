package dev.weft.it.excluded;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

/** Matched by the plugin's excludes, so it is never woven. */
public class LeftAlone {
    @Async
    public static Task<Integer> answer() {
        await(sleep(1));
        return done(42);
    }
}
