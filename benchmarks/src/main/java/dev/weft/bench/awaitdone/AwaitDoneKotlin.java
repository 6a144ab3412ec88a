package dev.weft.bench.awaitdone;

import dev.weft.bench.Defaults;
import dev.weft.bench.kotlin.KotlinTasks;
import kotlinx.coroutines.Deferred;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** await on completed Deferreds in a loop inside runBlocking. */
@State(Scope.Thread)
public class AwaitDoneKotlin extends Defaults {
    private Deferred<Integer>[] completed;

    @Setup
    public void prepare() {
        completed = KotlinTasks.completedDeferreds(AwaitDone.DONE_TASKS);
    }

    @Benchmark
    @OperationsPerInvocation(AwaitDone.AWAITS)
    public long completedDeferred() {
        return KotlinTasks.awaitEach(completed, AwaitDone.AWAITS);
    }
}
