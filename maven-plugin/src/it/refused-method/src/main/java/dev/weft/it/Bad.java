package dev.weft.it;

import dev.weft.Async;
import dev.weft.Task;

import java.util.function.Supplier;

import static dev.weft.Weft.*;

public class Bad {
    static int notAsync(Task<Integer> task) {
        return await(task);                                // line 12: await outside an @Async method
    }

    @Async
    static Task<Integer> awaitsInALambda(Task<Integer> task) {
        Supplier<Integer> later = () -> await(task);       // line 17: await inside a lambda
        return done(later.get());
    }
}
