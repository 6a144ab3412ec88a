package dev.weft.bench.gather;

import dev.weft.bench.Defaults;
import dev.weft.bench.VirtualThreads;
import dev.weft.bench.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** 10,000 virtual threads that each Thread.yield() once, all joined by a virtual driver, on the default scheduler. */
@State(Scope.Thread)
public class GatherVirtualThread extends Defaults {
    @Benchmark
    @OperationsPerInvocation(FanOut.TASKS)
    public long joinAllYield() throws Exception {
        return VirtualThreads.call(() -> {
            int[] values = new int[FanOut.TASKS];
            Thread[] threads = new Thread[FanOut.TASKS];
            for (int i = 0; i < threads.length; i++) {
                int id = i;
                threads[i] = Thread.ofVirtual().start(() -> {
                    Thread.yield();
                    values[id] = Workload.small(id);
                });
            }
            long sum = 0;
            for (int i = 0; i < threads.length; i++) {
                threads[i].join();
                sum += values[i];
            }
            return sum;
        });
    }
}
