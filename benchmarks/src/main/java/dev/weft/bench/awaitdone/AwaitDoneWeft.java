package dev.weft.bench.awaitdone;

import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.bench.Defaults;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import static dev.weft.Weft.done;

/** {@code await} in a woven loop on a done task: one kept in a field, and {@code done(x)} made on the spot. */
@State(Scope.Thread)
public class AwaitDoneWeft extends Defaults {
    private EventLoop loop;
    private Task<Integer>[] doneTasks;

    @Setup
    @SuppressWarnings("unchecked")
    public void prepare() {
        loop = EventLoop.newEventLoop();
        doneTasks = new Task[AwaitDone.DONE_TASKS];
        for (int i = 0; i < doneTasks.length; i++) {
            doneTasks[i] = done(i);
        }
    }

    @TearDown
    public void closeLoop() {
        loop.close();
    }

    @Benchmark
    @OperationsPerInvocation(AwaitDone.AWAITS)
    public long doneTaskInField() {
        return loop.runUntilComplete(WeftAwaitDone.awaitEach(doneTasks, AwaitDone.AWAITS));
    }

    @Benchmark
    @OperationsPerInvocation(AwaitDone.AWAITS)
    public long freshDone() {
        return loop.runUntilComplete(WeftAwaitDone.awaitFreshDone(AwaitDone.AWAITS));
    }
}
