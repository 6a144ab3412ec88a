package dev.weft.internal;

/**
 * A task completed from outside, by the code that created it: asyncio's {@code Future}. What the combinators, the
 * synchronization primitives and the queues hand to the tasks that wait on them.
 *
 * @param <T> the type of the result
 */
public class Deferred<T> extends AbstractTask<T> {
    private final String description;

    public Deferred(Loop loop, String description) {
        this.loop = loop;
        this.status = STARTED;
        this.description = description;
    }

    /** Completes with {@code value}; no effect if done. */
    public final void complete(T value) {
        finish(value, null, null);
    }

    /** Completes with {@code failure}; no effect if done. */
    public final void fail(Throwable failure) {
        finish(null, failure, null);
    }

    /** Completes with the outcome of {@code done}, which must be done. */
    public final void completeFrom(AbstractTask<?> done) {
        finishFrom(done);
    }

    @Override
    String describe() {
        return description;
    }
}
