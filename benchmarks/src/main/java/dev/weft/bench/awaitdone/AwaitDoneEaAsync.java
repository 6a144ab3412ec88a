package dev.weft.bench.awaitdone;

import dev.weft.bench.Defaults;
import dev.weft.bench.eaasync.EaAsyncCoroutines;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.CompletableFuture;

/** ea-async's await on completed futures in a loop inside one instrumented method. */
@State(Scope.Thread)
public class AwaitDoneEaAsync extends Defaults {
    private CompletableFuture<Integer>[] completed;

    @Setup
    @SuppressWarnings("unchecked")
    public void prepare() {
        completed = new CompletableFuture[AwaitDone.DONE_TASKS];
        for (int i = 0; i < completed.length; i++) {
            completed[i] = CompletableFuture.completedFuture(i);
        }
    }

    @Benchmark
    @OperationsPerInvocation(AwaitDone.AWAITS)
    public long completedFuture() {
        return EaAsyncCoroutines.awaitEach(completed, AwaitDone.AWAITS).join();
    }
}
