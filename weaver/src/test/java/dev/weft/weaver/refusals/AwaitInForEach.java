package dev.weft.weaver.refusals;

import dev.weft.Async;
import dev.weft.Task;

import java.util.List;

import static dev.weft.Weft.*;

public class AwaitInForEach {
    @Async
    static Task<Void> each(List<Task<Integer>> tasks) {
        tasks.forEach(t -> System.out.println(await(t)));      // line 13
        return done();
    }
}
