package dev.weft.weaver.refusals;

import dev.weft.Task;

import static dev.weft.Weft.*;

public class AwaitOutsideAsync {
    static int plain(Task<Integer> t) {
        return await(t);                                   // line 9
    }
}
