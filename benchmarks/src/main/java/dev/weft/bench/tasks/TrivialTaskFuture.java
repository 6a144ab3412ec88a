package dev.weft.bench.tasks;

import dev.weft.bench.Defaults;
import dev.weft.bench.LoopExecutor;
import dev.weft.bench.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.CompletableFuture;

/** A trivial supplyAsync on a single-threaded loop, run, then joined once done. */
@State(Scope.Thread)
public class TrivialTaskFuture extends Defaults {
    private final LoopExecutor loop = new LoopExecutor();

    @Benchmark
    @OperationsPerInvocation(TrivialTasks.TASKS)
    public long supplyAsyncJoin() {
        long sum = 0;
        for (int i = 0; i < TrivialTasks.TASKS; i++) {
            int x = Workload.small(i);
            CompletableFuture<Integer> task = CompletableFuture.supplyAsync(() -> x, loop);
            loop.runUntilIdle();
            sum += task.join();
        }
        return sum;
    }
}
