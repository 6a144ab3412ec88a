package dev.weft.weaver.refusals;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

public class AwaitInSynchronized {
    private static final Object LOCK = new Object();

    @Async
    static Task<Integer> locked(Task<Integer> t) {
        synchronized (LOCK) {
            int v = await(t);                              // line 14
            return done(v);
        }
    }
}
