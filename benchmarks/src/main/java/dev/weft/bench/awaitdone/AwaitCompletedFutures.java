package dev.weft.bench.awaitdone;

import dev.weft.bench.Defaults;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.CompletableFuture;

/** The state of the sides that await CompletableFutures: done futures, {@code completed[i]} holding {@code i}. */
@State(Scope.Thread)
public abstract class AwaitCompletedFutures extends Defaults {
    protected CompletableFuture<Integer>[] completed;

    @Setup
    @SuppressWarnings("unchecked")
    public void completeFutures() {
        completed = new CompletableFuture[AwaitDone.DONE_TASKS];
        for (int i = 0; i < completed.length; i++) {
            completed[i] = CompletableFuture.completedFuture(i);
        }
    }
}
