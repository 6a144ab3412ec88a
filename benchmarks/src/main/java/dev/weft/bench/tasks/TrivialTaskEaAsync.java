package dev.weft.bench.tasks;

import dev.weft.bench.Defaults;
import dev.weft.bench.eaasync.EaAsyncCoroutines;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** ea-async: an async method that returns at once, awaited from an instrumented driver. */
@State(Scope.Thread)
public class TrivialTaskEaAsync extends Defaults {
    @Benchmark
    @OperationsPerInvocation(TrivialTasks.TASKS)
    public long awaitCoroutine() {
        return EaAsyncCoroutines.awaitTrivialEach(TrivialTasks.TASKS).join();
    }
}
