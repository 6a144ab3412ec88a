package dev.weft.weaver;

import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.weaver.validation.Targets;
import dev.weft.weaver.validation.WeavingClassLoader;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Only values live across an await are saved: a suspended task keeps nothing dead reachable. */
class ReachabilityTest {
    /** Runs {@code method} of targets woven by the default weaver on a loop thread, waits until it is suspended, collects garbage, and reports the weak ref. */
    @SuppressWarnings("unchecked")
    private byte[] survivorWhileSuspended(String method) throws Throwable {
        return survivorWhileSuspended(new Targets(), method);
    }

    /** Runs {@code method} of {@code targets} on a loop thread, as above. */
    @SuppressWarnings("unchecked")
    private byte[] survivorWhileSuspended(Targets targets, String method) throws Throwable {
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

    /** The debug option: every local in the frame is saved, dead or not, so a debugger shows it after the await. */
    @Test
    void aDeadLocalIsKeptWhenTheWeaverKeepsLocals() throws Throwable {
        assumeTrue(WeavingClassLoader.weavesItself(), "the agent weaves with its own options");
        Targets keeping = new Targets(new WeavingClassLoader(new Weaver().keepingLocals(), Map.of()));
        assertNotNull(survivorWhileSuspended(keeping, "deadAcrossAwait"));
    }

    @Test
    void aLiveLocalIsKeptAcrossTheAwait() throws Throwable {
        assertNotNull(survivorWhileSuspended("liveAcrossAwait"));
    }
}
