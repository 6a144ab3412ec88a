package dev.weft.it;

import dev.weft.EventLoop;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Woven with weft.keepLocals, a suspended task keeps its dead local, strongly: no collection can take it. */
class InspectedTest {
    @Test
    void aDeadLocalSurvivesTheSuspension() throws Exception {
        CompletableFuture<Integer> gate = new CompletableFuture<>();
        Task<Integer> task = Inspected.deadAcrossAwait(gate);
        AtomicReference<Object> result = new AtomicReference<>();
        Thread loopThread = new Thread(() -> {
            try (EventLoop loop = EventLoop.newEventLoop()) {
                result.set(loop.runUntilComplete(task));
            }
        }, "loop");
        loopThread.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Inspected.suspended) {
            assertTrue(System.nanoTime() < deadline, "the task never suspended");
            Thread.sleep(5);
        }
        Thread.sleep(20);
        for (int i = 0; i < 20; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNotNull(Inspected.big.get(), "the dead local was dropped: weft.keepLocals did not reach the weaver");
        gate.complete(1);
        loopThread.join(10_000);
        assertEquals((16 << 20) + 1, result.get());
    }
}
