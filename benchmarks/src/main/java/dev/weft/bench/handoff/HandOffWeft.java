package dev.weft.bench.handoff;

import dev.weft.EventLoop;
import dev.weft.bench.Defaults;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Two Weft tasks on one loop handing messages to each other. */
@State(Scope.Thread)
public class HandOffWeft extends Defaults {
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
