package dev.weft.weaver.refusals;

import dev.weft.Async;
import dev.weft.Task;

public abstract class AsyncAbstract {
    @Async
    abstract Task<Integer> compute();
}
