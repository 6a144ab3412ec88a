package dev.weft;

import dev.weft.internal.Loop;

import java.util.function.Supplier;

/**
 * asyncio's {@code Runner}: one event loop, reused by several {@link #run} calls from the same thread, and closed once.
 *
 * <pre>{@code
 * try (Runner runner = new Runner()) {
 *     runner.run(connect());
 *     runner.run(serve());        // same loop: what connect() left scheduled or open is still there
 * }                               // cancels what is left, waits for it, closes the loop
 * }</pre>
 *
 * <p>Where {@link Weft#run(Task)} makes a loop for one task and closes it after, a runner keeps its loop between
 * calls; the tasks a run leaves pending stay pending (they run again during the next run) until {@link #close()}
 * cancels them, as {@link Weft#run(Task)} does at its end. Not thread-safe: one thread uses a runner.
 */
public final class Runner implements AutoCloseable {
    private final Supplier<? extends EventLoop> loopFactory;
    private EventLoop loop;
    private boolean closed;

    /** A runner whose loop is {@link EventLoop#newEventLoop()}, made at the first {@link #run}. */
    public Runner() {
        this(EventLoop::newEventLoop);
    }

    /** A runner whose loop {@code loopFactory} makes, at the first {@link #run}: asyncio's {@code loop_factory}. */
    public Runner(Supplier<? extends EventLoop> loopFactory) {
        this.loopFactory = loopFactory;
    }

    /**
     * Runs {@code task} to completion on the runner's loop and returns its value, or throws its exception unwrapped.
     *
     * @throws IllegalStateException if the runner is closed, or if a loop is already running on this thread
     */
    public <T> T run(Task<T> task) {
        if (Loop.runningOrNull() != null) {
            throw new IllegalStateException("Runner.run() cannot be called from a running event loop: "
                    + "await the task, or use createTask(...)");
        }
        return getLoop().runUntilComplete(task);
    }

    /**
     * The runner's loop, made now if no run has made it yet.
     *
     * @throws IllegalStateException if the runner is closed
     */
    public EventLoop getLoop() {
        if (closed) {
            throw new IllegalStateException("the Runner is closed");
        }
        if (loop == null) {
            EventLoop made = loopFactory.get();
            if (made == null) {
                throw new IllegalArgumentException("the loop factory returned null");
            }
            loop = made;
        }
        return loop;
    }

    /** Cancels the tasks still pending, waits for them to finish, and closes the loop; closing again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (loop != null) {
            loop.cancelRemainingAndClose();
        }
    }
}
