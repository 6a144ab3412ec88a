package dev.weft.bench.tasks;

import dev.weft.bench.Defaults;
import dev.weft.bench.VirtualThreads;
import dev.weft.bench.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** A trivial virtual thread started and joined by a virtual driver thread, on the default scheduler. */
@State(Scope.Thread)
public class TrivialTaskVirtualThread extends Defaults {
    @Benchmark
    @OperationsPerInvocation(TrivialTasks.TASKS)
    public long startJoin() throws Exception {
        return VirtualThreads.call(() -> {
            int[] value = new int[1];
            long sum = 0;
            for (int i = 0; i < TrivialTasks.TASKS; i++) {
                int x = Workload.small(i);
                Thread.ofVirtual().start(() -> value[0] = x).join();
                sum += value[0];
            }
            return sum;
        });
    }
}
