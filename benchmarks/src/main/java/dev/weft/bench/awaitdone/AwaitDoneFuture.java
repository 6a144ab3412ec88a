package dev.weft.bench.awaitdone;

import dev.weft.bench.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/** join on completed futures in a loop. */
public class AwaitDoneFuture extends AwaitCompletedFutures {
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
