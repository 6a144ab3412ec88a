package dev.weft.weaver.refusals;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

public class AsyncSynchronizedMethod {
    @Async
    synchronized Task<Integer> compute(Task<Integer> t) {
        return done(await(t));                             // line 11
    }
}
