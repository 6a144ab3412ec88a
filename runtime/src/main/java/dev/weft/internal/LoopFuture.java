package dev.weft.internal;

/**
 * A task completed from outside, on its loop's thread, by the code that owns the work: asyncio's {@code Future}, and
 * the one kind of loop-side future. The synchronization primitives and queues hand one to each task that waits on
 * them; the stream operations return one; the combinators use them as placeholders.
 *
 * <p>Started eagerly or lazily. An eager future ({@link #LoopFuture(Loop)}) is pending from birth: a primitive's
 * waiter, already in its queue. A lazy one ({@link #LoopFuture()}) begins its work when it is first awaited or
 * scheduled ({@link #begin}), as a coroutine runs none of its body until then: a stream read no one awaits takes no
 * bytes and holds no place.
 *
 * <p>Hooks, for the owner's subclass, in the order they may be called:
 * <pre>
 *   begin(loop)?  (complete(v) | fail(t) | cancel() → stopWaiting()?)  giveBack(v)?
 * </pre>
 * <ul>
 * <li>{@link #begin}: a lazy future starts; it may complete at once.
 * <li>{@link #stopWaiting}: cancelled while pending, after it left its {@link WaiterQueue}: undo what else the wait
 *     holds. Returns whether the future finishes cancelled now; one that must first take something back (a condition
 *     wait retakes its lock) returns false and completes itself later.
 * <li>{@link #giveBack}: the future was granted {@code v}, but the task that awaited it was cancelled before it could
 *     take it: pass the grant on (the lock to the next waiter, the item to the front of the queue).
 * </ul>
 *
 * <p>While it waits in a {@link WaiterQueue}, the future is a node of that queue's list ({@link #prev}, {@link #next},
 * {@link #queue}), so taking a cancelled waiter out is O(1) wherever it stands. Loop thread only.
 *
 * @param <T> the type of the result
 */
public class LoopFuture<T> extends AbstractTask<T> {
    /** The queue this future waits in, or null; and its neighbours there. Written only by {@link WaiterQueue}. */
    WaiterQueue<?> queue;
    LoopFuture<?> prev;
    LoopFuture<?> next;

    /** A lazy future: it begins its work ({@link #begin}) when it is first awaited or scheduled. */
    protected LoopFuture() {
    }

    /** An eager future: pending on {@code loop} from now. */
    protected LoopFuture(Loop loop) {
        this.loop = loop;
        this.status = TaskState.STARTED;
    }

    /** A plain eager future on {@code loop}, completed by whoever holds it, described as {@code description}. */
    public static <T> LoopFuture<T> on(Loop loop, String description) {
        return new Plain<>(loop, description);
    }

    @Override
    final void start(Loop loop) {
        super.start(loop);
        begin(loop);
    }

    /** Hook: a lazy future begins its work, on the loop thread. May complete the future at once. */
    protected void begin(Loop loop) {
    }

    /**
     * Hook: cancelled while pending, already out of its {@link WaiterQueue}. Returns true to finish cancelled now; false
     * if the subclass completes the future itself later. By default there is nothing more to undo.
     */
    protected boolean stopWaiting() {
        return true;
    }

    /**
     * Hook: {@code value}, granted to this future, will never be taken: give it back where the next one finds it.
     * Returns false, having changed nothing, if it can no longer be given back. By default a value grants nothing.
     */
    protected boolean giveBack(T value) {
        return true;
    }

    @Override
    final AbstractTask<?> withdraw(Throwable cause) {
        if (queue != null) {
            queue.remove(this);
        }
        if (stopWaiting()) {
            finishCancelled(cause, describe() + " was cancelled");
        }
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    final boolean handBack() {
        return giveBack((T) outcome);
    }

    /** Completes with {@code value}; no effect if done. */
    public final void complete(T value) {
        finish(value, null, null);
    }

    /** Completes with {@code failure}; no effect if done. */
    public final void fail(Throwable failure) {
        finish(null, failure, null);
    }

    /** Completes with the outcome of {@code done}, which must be done, marking it retrieved. */
    public final void completeFrom(AbstractTask<?> done) {
        finishFrom(done);
    }

    /** Completes cancelled, as a cancel would, but without the hooks: for owners that finish a wait they undid. */
    public final void completeCancelled(String why) {
        finishCancelled(why);
    }

    /** @return true once started and until done: the future waits for its owner */
    public final boolean isPending() {
        return status == TaskState.STARTED;
    }

    /** A future with nothing to undo or give back. */
    private static final class Plain<T> extends LoopFuture<T> {
        private final String description;

        Plain(Loop loop, String description) {
            super(loop);
            this.description = description;
        }

        @Override
        protected String describe() {
            return description;
        }
    }
}
