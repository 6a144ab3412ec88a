package dev.weft.bench.neversuspends;

import dev.weft.bench.OnWeftLoop;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/** A woven method that never suspends against its unwoven twin; see {@link NeverSuspends}. */
public class NeverSuspendsWeft extends OnWeftLoop {
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
