package dev.weft.weaver;

import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.weaver.validation.Targets;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only values live across an await are saved: a suspended task keeps nothing dead reachable. */
class ReachabilityTest {
    private final Targets targets = new Targets();

    /** Runs {@code method} on a loop thread, waits until it is suspended, collects garbage, and reports the weak ref. */
    @SuppressWarnings("unchecked")
    private byte[] survivorWhileSuspended(String method) throws Throwable {
        Class<?> target = targets.load("Reachability");
        target.getField("suspended").set(null, false);
        CompletableFuture<Integer> gate = new CompletableFuture<>();
        Task<?> task = targets.task("Reachability", method, gate);
        AtomicReference<Object> result = new AtomicReference<>();
        Thread loopThread = new Thread(() -> {
            try (EventLoop loop = EventLoop.newEventLoop()) {
                result.set(loop.runUntilComplete(task));
            }
        }, "loop");
        loopThread.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!(Boolean) target.getField("suspended").get(null)) {
            assertTrue(System.nanoTime() < deadline, "task never suspended");
            Thread.sleep(5);
        }
        Thread.sleep(20);
        WeakReference<byte[]> ref = (WeakReference<byte[]>) target.getField("big").get(null);
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        byte[] survivor = ref.get();
        gate.complete(1);
        loopThread.join(10_000);
        assertEquals((16 << 20) + 1, result.get());
        return survivor;
    }

    @Test
    void aDeadLocalIsNotKeptReachableBySuspendedTask() throws Throwable {
        assertNull(survivorWhileSuspended("deadAcrossAwait"));
    }

    @Test
    void aLiveLocalIsKeptAcrossTheAwait() throws Throwable {
        assertNotNull(survivorWhileSuspended("liveAcrossAwait"));
    }
}
