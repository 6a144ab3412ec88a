package dev.weft.samples;

import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.Weft;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** An event loop running forever on a thread of its own, for tests that talk to it over sockets from outside. */
final class LoopThread implements AutoCloseable {
    private static final Duration BOUND = Duration.ofSeconds(20);

    final EventLoop loop;
    private final Thread thread;

    LoopThread(EventLoop loop, String name) {
        this.loop = loop;
        this.thread = new Thread(loop::runForever, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code task} on the loop and waits (a bounded time) for its result. */
    <T> T call(Task<T> task) throws Exception {
        return Weft.runCoroutineThreadsafe(task, loop).get(BOUND.toSeconds(), TimeUnit.SECONDS);
    }

    /** Runs {@code step} on the loop thread and waits for it. */
    void onLoop(Runnable step) throws Exception {
        java.util.concurrent.CompletableFuture<Void> ran = new java.util.concurrent.CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            try {
                step.run();
                ran.complete(null);
            } catch (Throwable t) {
                ran.completeExceptionally(t);
            }
        });
        ran.get(BOUND.toSeconds(), TimeUnit.SECONDS);
    }

    /** Stops the loop, waits for its thread, and closes it (and with it every socket still open on it). */
    @Override
    public void close() throws Exception {
        loop.callSoonThreadsafe(loop::stop);
        thread.join(BOUND.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("the loop thread did not stop");
        }
        loop.close();
    }
}
