package dev.weft.bench;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * The CompletableFuture peers' event loop: a queue of ready callbacks drained on the calling thread. An {@code *Async}
 * stage given this executor goes through the queue, as a Weft task step goes through its loop, instead of running
 * nested on the completing thread's stack. One thread only.
 */
public final class LoopExecutor implements Executor {
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();

    @Override
    public void execute(Runnable command) {
        ready.add(command);
    }

    /** Runs callbacks, and those they schedule, until none is left. */
    public void runUntilIdle() {
        Runnable next;
        while ((next = ready.poll()) != null) {
            next.run();
        }
    }
}
