package dev.weft.bench.gather;

import dev.weft.bench.Defaults;
import dev.weft.bench.kotlin.KotlinTasks;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** awaitAll over 10,000 async coroutines that each yield() once, in runBlocking. */
@State(Scope.Thread)
public class GatherKotlin extends Defaults {
    @Benchmark
    @OperationsPerInvocation(FanOut.TASKS)
    public long awaitAllYield() {
        return KotlinTasks.awaitAllYielding(FanOut.TASKS);
    }
}
