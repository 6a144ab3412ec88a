package dev.weft.bench.gather;

import dev.weft.bench.Defaults;
import dev.weft.bench.LoopExecutor;
import dev.weft.bench.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.CompletableFuture;

/**
 * allOf over 10,000 futures on a single-threaded loop, each a supplyAsync whose second step goes back through the
 * loop's queue (its "yield"), behind every first step.
 */
@State(Scope.Thread)
public class GatherFuture extends Defaults {
    private final LoopExecutor loop = new LoopExecutor();

    @Benchmark
    @OperationsPerInvocation(FanOut.TASKS)
    public long allOfYieldOnce() {
        @SuppressWarnings("unchecked")
        CompletableFuture<Integer>[] tasks = new CompletableFuture[FanOut.TASKS];
        for (int i = 0; i < tasks.length; i++) {
            int x = Workload.small(i);
            tasks[i] = CompletableFuture.supplyAsync(() -> x, loop).thenApplyAsync(value -> value, loop);
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(tasks);
        loop.runUntilIdle();
        all.join();
        long sum = 0;
        for (CompletableFuture<Integer> task : tasks) {
            sum += task.join();
        }
        return sum;
    }
}
