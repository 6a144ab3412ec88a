package dev.weft.bench.tasks;

import dev.weft.EventLoop;
import dev.weft.bench.Defaults;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A trivial {@code @Async} method, run as a task (createTask) and as a coroutine (await), inside one running loop. */
@State(Scope.Thread)
public class TrivialTaskWeft extends Defaults {
    private EventLoop loop;

    @Setup
    public void openLoop() {
        loop = EventLoop.newEventLoop();
    }

    @TearDown
    public void closeLoop() {
        loop.close();
    }

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
