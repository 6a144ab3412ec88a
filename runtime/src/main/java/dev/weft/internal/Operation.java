package dev.weft.internal;

/**
 * A task for work that begins when the task starts (when it is awaited or given to {@code createTask}) and is
 * completed from outside, by the code that owns the work: what the stream and datagram operations return. Creating
 * one does nothing, as calling a coroutine runs none of its body, so an operation no one awaits takes no bytes and
 * holds no place in a queue.
 *
 * <p>The two ways cancellation can reach an operation, both handed to the subclass so that nothing is lost: cancelled
 * while pending, {@link #withdrawn()} takes it off whatever holds it, before it completes cancelled; cancelled after
 * it completed with a value, before the awaiting task could take that value, {@link #unclaimed(Object)} gives the
 * value back (bytes to the front of a buffer, a connection closed). Loop thread only.
 *
 * @param <T> the type of the result
 */
public abstract class Operation<T> extends AbstractTask<T> {
    private final String description;

    protected Operation(String description) {
        this.description = description;
    }

    @Override
    final void start(Loop loop) {
        super.start(loop);
        begin(loop);
    }

    /** Begins the work, on the loop thread; may complete the operation at once. */
    protected abstract void begin(Loop loop);

    /** Cancelled while pending: stop waiting. Called before the operation completes cancelled. */
    protected void withdrawn() {
    }

    /** The task that awaited {@code value} was cancelled before it could take it: give it back. */
    protected void unclaimed(T value) {
    }

    /** Completes with {@code value}; no effect if done. */
    public final void complete(T value) {
        finish(value, null, null);
    }

    /** Completes with {@code failure}; no effect if done. */
    public final void fail(Throwable failure) {
        finish(null, failure, null);
    }

    /** @return true once started and until done: the operation waits for its owner */
    public final boolean isPending() {
        return status == STARTED;
    }

    @Override
    public final boolean cancel() {
        if (status == DONE) {
            return false;
        }
        if (status == STARTED) {
            withdrawn();
        }
        finishCancelled(description + " was cancelled");
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    final void abandoned() {
        unclaimed((T) peekValue());
    }

    @Override
    String describe() {
        return description;
    }
}
