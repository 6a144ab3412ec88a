package dev.weft.bench.awaitdone;

import dev.weft.bench.Defaults;
import dev.weft.bench.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.CompletableFuture;

/** join on completed futures in a loop. */
@State(Scope.Thread)
public class AwaitDoneFuture extends Defaults {
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
    public long joinCompleted() {
        long sum = 0;
        for (int i = 0; i < AwaitDone.AWAITS; i++) {
            sum += completed[Workload.small(i)].join();
        }
        return sum;
    }
}
