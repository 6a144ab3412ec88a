package dev.weft.bench.gather;

import dev.weft.EventLoop;
import dev.weft.bench.Defaults;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** gather over 10,000 coroutines that each {@code sleep(0)} once. */
@State(Scope.Thread)
public class GatherWeft extends Defaults {
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
    @OperationsPerInvocation(FanOut.TASKS)
    public long gatherSleepZero() {
        return loop.runUntilComplete(WeftFanOut.gatherYielding(FanOut.TASKS));
    }
}
