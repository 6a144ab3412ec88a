package dev.weft.bench.gather;

import dev.weft.bench.OnWeftLoop;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/** gather over 10,000 coroutines that each {@code sleep(0)} once. */
public class GatherWeft extends OnWeftLoop {
    @Benchmark
    @OperationsPerInvocation(FanOut.TASKS)
    public long gatherSleepZero() {
        return loop.runUntilComplete(WeftFanOut.gatherYielding(FanOut.TASKS));
    }
}
