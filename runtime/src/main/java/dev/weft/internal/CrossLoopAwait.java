package dev.weft.internal;

/**
 * What a coroutine awaits in place of a task of another loop: a future of its own loop that takes the task's outcome
 * across, so the coroutine resumes on its own loop's thread and neither loop touches the other's task state.
 *
 * <p>The other loop must be running (on another thread): its thread adds the completion listener and hands the outcome
 * over with {@code callSoonThreadsafe}. A task of a loop that is not running could never complete, so awaiting one
 * fails at once, naming both loops (asyncio's "attached to a different loop"); a task already done on a loop that no
 * longer runs is awaited as it is. Cancelling the await cancels the task on its own loop.
 */
final class CrossLoopAwait<T> extends LoopFuture<T> {
    private final AbstractTask<T> foreign;

    private CrossLoopAwait(Loop loop, AbstractTask<T> foreign) {
        super(loop);
        this.foreign = foreign;
    }

    /** The task to await, on {@code mine}, for {@code foreign}, a task of another loop. */
    static <T> AbstractTask<?> of(AbstractTask<T> foreign, Loop mine) {
        Loop owner = foreign.loop;
        if (!owner.isRunning()) {
            if (foreign.status == TaskState.DONE) {
                return foreign;
            }
            throw new IllegalStateException(foreign + " is attached to a different loop (" + owner
                    + ", which is not running) than the task awaiting it (on " + mine + "): it could never complete. "
                    + "Await a task on the loop that runs it, or run that loop on a thread of its own");
        }
        CrossLoopAwait<T> relay = new CrossLoopAwait<>(mine, foreign);
        owner.callSoonThreadsafe(() -> foreign.whenDone(done -> {
            done.markRetrieved();
            Object value = done.value();
            Throwable failure = done.failure();
            mine.callSoonThreadsafe(() -> relay.finish(value, failure, null));
        }));
        return relay;
    }

    @Override
    protected boolean stopWaiting() {
        try {
            foreign.loop.callSoonThreadsafe(foreign::cancel);
        } catch (IllegalStateException closed) {
            // Its loop closed meanwhile: nothing runs there any more, so nothing is left to cancel.
        }
        return true;
    }

    @Override
    protected String describe() {
        return "await across loops of " + foreign.describe();
    }
}
