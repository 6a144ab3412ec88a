package dev.weft.weaver.refusals;

import dev.weft.Async;
import dev.weft.Task;

public class AsyncNative {
    @Async
    static native Task<Integer> compute();
}
