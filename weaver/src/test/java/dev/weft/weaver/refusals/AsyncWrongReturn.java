package dev.weft.weaver.refusals;

import dev.weft.Async;

import java.util.concurrent.CompletableFuture;

public class AsyncWrongReturn {
    @Async
    static CompletableFuture<Integer> compute() {
        return CompletableFuture.completedFuture(1);       // line 10
    }
}
