package dev.weft.bench.handoff;

import dev.weft.bench.OnWeftLoop;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/** Two Weft tasks on one loop handing messages to each other. */
public class HandOffWeft extends OnWeftLoop {
    @Benchmark
    @OperationsPerInvocation(HandOff.MESSAGES)
    public long queues() {
        return loop.runUntilComplete(WeftPingPong.overQueues(HandOff.ROUNDS));
    }

    @Benchmark
    @OperationsPerInvocation(HandOff.MESSAGES)
    public long events() {
        return loop.runUntilComplete(WeftPingPong.overEvents(HandOff.ROUNDS));
    }
}
