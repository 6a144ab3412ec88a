package dev.weft.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The task of {@code toThread} and {@code runInExecutor}: runs a blocking call on another thread and completes on the
 * loop thread with its result or its exception (the same instance). Cancelling completes the task cancelled at once;
 * the call itself cannot be stopped and runs to its end, its result dropped, as in asyncio.
 */
public final class ThreadTask<T> extends AbstractTask<T> {
    private final Callable<T> call;
    private final Executor executor;

    /** @param executor where to run {@code call}, or null for the loop's default executor */
    public ThreadTask(Callable<T> call, Executor executor) {
        this.call = call;
        this.executor = executor;
    }

    @Override
    void start(Loop loop) {
        super.start(loop);
        Executor target = executor != null ? executor : loop.defaultExecutor();
        java.util.Map<Object, Object> context = TaskContexts.inUse() ? TaskContexts.current() : null;
        try {
            target.execute(() -> {
                Object value = null;
                Throwable failure = null;
                try {
                    value = context == null ? call.call() : TaskContexts.callWith(context, call);
                } catch (Throwable t) {
                    failure = t;
                }
                Object v = value;
                Throwable f = failure;
                try {
                    loop.callSoonThreadsafe(() -> finish(v, f, null));
                } catch (IllegalStateException closed) {
                    // The loop closed while the call ran: no one is left to take the outcome.
                }
            });
        } catch (RejectedExecutionException rejected) {
            finish(null, rejected, null);
        }
    }

    @Override
    protected String describe() {
        return "thread call " + call;
    }
}
