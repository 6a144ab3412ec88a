package dev.weft.bench.handoff;

import dev.weft.bench.Defaults;
import dev.weft.bench.VirtualThreads;
import dev.weft.bench.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.SynchronousQueue;

/** Two virtual threads over SynchronousQueues, on the default scheduler. */
@State(Scope.Thread)
public class HandOffVirtualThread extends Defaults {
    @Benchmark
    @OperationsPerInvocation(HandOff.MESSAGES)
    public long synchronousQueues() throws Exception {
        return VirtualThreads.call(() -> {
            SynchronousQueue<Integer> toPong = new SynchronousQueue<>();
            SynchronousQueue<Integer> toPing = new SynchronousQueue<>();
            Thread pong = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < HandOff.ROUNDS; i++) {
                        toPing.put(toPong.take() + 1);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long sum = 0;
            for (int i = 0; i < HandOff.ROUNDS; i++) {
                toPong.put(Workload.small(i));
                sum += toPing.take();
            }
            pong.join();
            return sum;
        });
    }
}
