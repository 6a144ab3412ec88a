package dev.weft.bench.tasks;

import dev.weft.bench.Defaults;
import dev.weft.bench.kotlin.KotlinTasks;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** A trivial coroutine inside one runBlocking: async then await, and launch then join. */
@State(Scope.Thread)
public class TrivialTaskKotlin extends Defaults {
    @Benchmark
    @OperationsPerInvocation(TrivialTasks.TASKS)
    public long asyncAwait() {
        return KotlinTasks.asyncAwaitEach(TrivialTasks.TASKS);
    }

    @Benchmark
    @OperationsPerInvocation(TrivialTasks.TASKS)
    public long launchJoin() {
        return KotlinTasks.launchJoinEach(TrivialTasks.TASKS);
    }
}
