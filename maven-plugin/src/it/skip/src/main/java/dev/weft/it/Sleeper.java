package dev.weft.it;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

public class Sleeper {
    @Async
    public static Task<String> nap() {
        await(sleep(1));
        return done("rested");
    }
}
