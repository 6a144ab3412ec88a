package dev.weft.bench.sleepers;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One million tasks asleep at once, each subclass on one runtime: the time from starting them to the last one
 * waking, one shot per measurement. The sleep itself ({@code sleepMillis}) is part of every figure; what is above it
 * is the cost of starting, holding and waking them. Lateness past each deadline and heap per task are
 * {@link SleepersHeap}'s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public abstract class MillionSleepers {
    @Param("1000000")
    public int tasks;

    @Param("100")
    public long sleepMillis;

    private SleepingTasks runtime;
    private long[] latenessNanos;

    /** The runtime measured. */
    protected abstract SleepingTasks sleepers();

    @Setup
    public void prepare() {
        runtime = sleepers();
        latenessNanos = new long[tasks];
    }

    @Benchmark
    public long wakeAll() {
        return runtime.sleepAll(tasks, sleepMillis, latenessNanos, null);
    }
}
