package dev.weft.internal;

import java.util.function.Consumer;

/**
 * A task waiting for a synchronization primitive or a queue, completed by that primitive in first-come order.
 *
 * <p>The two ways cancellation can reach a waiter, both handled so that nothing is lost: cancelled while still
 * waiting, it is taken off its primitive's queue ({@code onCancel}) before it completes cancelled; cancelled after it
 * was granted something (a permit, an item) but before its task could resume, the grant is handed back
 * ({@code onAbandon}, from {@link Coroutine#resumeValue()}), which wakes the next waiter.
 */
public final class Waiter<T> extends Deferred<T> {
    private final Consumer<Waiter<T>> onCancel;
    private final Consumer<Waiter<T>> onAbandon;
    /** What a waiting producer carries, for queues. */
    public final Object item;

    public Waiter(String description, Object item, Consumer<Waiter<T>> onCancel, Consumer<Waiter<T>> onAbandon) {
        super(Loop.running(), description);
        this.item = item;
        this.onCancel = onCancel;
        this.onAbandon = onAbandon;
    }

    @Override
    public boolean cancel() {
        if (isDone()) {
            return false;
        }
        onCancel.accept(this);
        finishCancelled(describe() + " was cancelled");
        return true;
    }

    @Override
    void abandoned() {
        onAbandon.accept(this);
    }

    /** The granted value, without marking anything retrieved: for handing a grant back. */
    @SuppressWarnings("unchecked")
    public T granted() {
        return (T) peekValue();
    }
}
