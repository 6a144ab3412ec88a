package dev.weft.weaver.refusals;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

public class TwoProblems {
    @Async
    static Task<Integer> fine(Task<Integer> t) {
        return done(await(t));
    }

    static int first(Task<Integer> t) {
        return await(t);                                   // line 15
    }

    static int second(Task<Integer> t) {
        return await(t) + 1;                               // line 19
    }
}
