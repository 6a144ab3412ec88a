package dev.weft.bench.neversuspends;

import dev.weft.EventLoop;
import dev.weft.bench.Defaults;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A woven method that never suspends against its unwoven twin; see {@link NeverSuspends}. */
@State(Scope.Thread)
public class NeverSuspendsWeft extends Defaults {
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
    @OperationsPerInvocation(NeverSuspends.CALLS)
    public long wovenAwaited() {
        return loop.runUntilComplete(NeverSuspends.awaitWovenEach(NeverSuspends.CALLS));
    }

    @Benchmark
    @OperationsPerInvocation(NeverSuspends.CALLS)
    public long plainAwaited() {
        return loop.runUntilComplete(NeverSuspends.awaitPlainEach(NeverSuspends.CALLS));
    }

    @Benchmark
    @OperationsPerInvocation(NeverSuspends.CALLS)
    public long plainResult() {
        return NeverSuspends.plainResultEach(NeverSuspends.CALLS);
    }
}
