package dev.weft.internal;

import dev.weft.AsyncTimeoutException;
import dev.weft.Task;

import static dev.weft.internal.TaskState.*;

/**
 * The task of {@code waitFor}: completes with the child's outcome, unless the timeout passes first. Then the child is
 * cancelled, and once it has finished cancelling this fails with {@link AsyncTimeoutException} (if the child finished
 * otherwise despite the cancellation, its outcome is kept). Cancelling this cancels the child, and this finishes
 * cancelled once the child is done; a value the child completed with anyway is handed back, as is the value this
 * passed on when its own awaiter is cancelled before taking it: nothing granted to the child is lost.
 */
public final class WaitFor<T> extends AbstractTask<T> {
    private final AbstractTask<?> child;
    private final long timeoutNanos;
    private TimerHeap.Timer timer;
    private boolean timedOut;
    /** Null until a cancellation reaches this task; then what it finishes with once the child is done. */
    private java.util.concurrent.CancellationException cancelledBy;

    /** @param timeoutNanos how long the child may take; negative for no limit */
    public WaitFor(Task<T> child, long timeoutNanos) {
        this.child = AbstractTask.of(child);
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    void start(Loop loop) {
        super.start(loop);
        child.ensureStarted(loop);
        child.whenDone(this::childDone);
        if (child.status != DONE && timeoutNanos == 0) {
            expire();   // asyncio's wait_for(aw, 0): cancel now (a coroutine never starts) and wait for it to end
        } else if (child.status != DONE && timeoutNanos > 0) {
            timer = loop.schedule(timeoutNanos, this::expire);
        }
    }

    private void expire() {
        timer = null;
        if (status != DONE) {
            timedOut = true;
            child.cancel();
        }
    }

    private void childDone(AbstractTask<?> done) {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (cancelledBy != null) {
            if (done.hasValue() && !done.handBack()) {
                flags |= CANCEL_OWED;   // its grant stood: so does its value, and the awaiter owes the cancellation
                finishFrom(done);
                return;
            }
            done.markRetrieved();
            finishCancelled(cancelledBy, null);
        } else if (timedOut && done.wasCancelled()) {
            done.markRetrieved();
            finish(null, new AsyncTimeoutException(child.describe() + " did not finish within "
                    + (timeoutNanos / 1_000_000) + " ms", done.failure()), null);
        } else {
            finishFrom(done);
        }
    }

    /** Pending, so the child is: it is cancelled next, and its end finishes this. */
    @Override
    AbstractTask<?> withdraw(Throwable cause) {
        cancelledBy = cause instanceof java.util.concurrent.CancellationException
                ? (java.util.concurrent.CancellationException) cause
                : new java.util.concurrent.CancellationException("waitFor was cancelled");
        return child;
    }

    @Override
    boolean handBack() {
        return child.handBack();
    }

    @Override
    protected String describe() {
        return "waitFor " + child.describe();
    }
}
