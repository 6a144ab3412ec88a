package dev.weft.bench.handoff;

import dev.weft.bench.Defaults;
import dev.weft.bench.LoopExecutor;
import dev.weft.bench.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.CompletableFuture;

/**
 * Ping-pong as CompletableFuture chains on a single-threaded {@link LoopExecutor}: each message is a future the
 * sender completes and whose async stage the receiver runs on the loop.
 */
@State(Scope.Thread)
public class HandOffFuture extends Defaults {
    private final LoopExecutor loop = new LoopExecutor();

    @Benchmark
    @OperationsPerInvocation(HandOff.MESSAGES)
    public long chains() {
        CompletableFuture<Long> sum = round(0, 0L);
        loop.runUntilIdle();
        return sum.join();
    }

    private CompletableFuture<Long> round(int i, long sumSoFar) {
        if (i == HandOff.ROUNDS) {
            return CompletableFuture.completedFuture(sumSoFar);
        }
        CompletableFuture<Integer> request = new CompletableFuture<>();
        CompletableFuture<Integer> answer = request.thenApplyAsync(value -> value + 1, loop);
        loop.execute(() -> request.complete(Workload.small(i)));
        return answer.thenComposeAsync(value -> round(i + 1, sumSoFar + value), loop);
    }
}
