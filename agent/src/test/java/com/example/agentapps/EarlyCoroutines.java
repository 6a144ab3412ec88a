package com.example.agentapps;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

/** Loaded before WeftAgent.install(): stays unwoven. */
public class EarlyCoroutines {
    static void touch() {
    }

    @Async
    static Task<Integer> slow() {
        await(sleep(1));
        return done(2);
    }

    static void call() {
        slow();
    }
}
