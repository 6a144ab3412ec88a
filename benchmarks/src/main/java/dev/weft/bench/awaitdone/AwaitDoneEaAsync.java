package dev.weft.bench.awaitdone;

import dev.weft.bench.eaasync.EaAsyncCoroutines;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/** ea-async's await on completed futures in a loop inside one instrumented method. */
public class AwaitDoneEaAsync extends AwaitCompletedFutures {
    @Benchmark
    @OperationsPerInvocation(AwaitDone.AWAITS)
    public long completedFuture() {
        return EaAsyncCoroutines.awaitEach(completed, AwaitDone.AWAITS).join();
    }
}
