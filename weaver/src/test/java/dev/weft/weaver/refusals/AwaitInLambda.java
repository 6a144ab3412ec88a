package dev.weft.weaver.refusals;

import dev.weft.Async;
import dev.weft.Task;

import java.util.function.Supplier;

import static dev.weft.Weft.*;

public class AwaitInLambda {
    @Async
    static Task<Integer> outer(Task<Integer> t) {
        Supplier<Integer> s = () -> await(t);              // line 13
        return done(s.get());
    }
}
