package dev.weft.bench.tasks;

import dev.weft.bench.OnWeftLoop;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/** A trivial {@code @Async} method, run as a task (createTask) and as a coroutine (await), inside one running loop. */
public class TrivialTaskWeft extends OnWeftLoop {
    @Benchmark
    @OperationsPerInvocation(TrivialTasks.TASKS)
    public long createTaskAndAwait() {
        return loop.runUntilComplete(WeftTrivialTasks.createTaskAndAwaitEach(TrivialTasks.TASKS));
    }

    @Benchmark
    @OperationsPerInvocation(TrivialTasks.TASKS)
    public long awaitCoroutine() {
        return loop.runUntilComplete(WeftTrivialTasks.awaitEach(TrivialTasks.TASKS));
    }
}
