package dev.weft;

import dev.weft.internal.DoneTask;
import dev.weft.internal.Waiter;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * asyncio's {@code Semaphore}: a counter of permits. {@link #acquire()} takes one, waiting while there is none;
 * {@link #release()} gives one back, to the first waiting task if any. Fair and cancellation-safe as {@link Lock}.
 * Loop thread only.
 */
public class Semaphore {
    private int value;
    private final ArrayDeque<Waiter<Void>> waiters = new ArrayDeque<>();
    // Made once, not per wait: what a cancelled or abandoned waiter calls back.
    private final Consumer<Waiter<Void>> dropWaiter = waiters::remove;
    private final Consumer<Waiter<Void>> passOn = abandoned -> passOn();
    private final String acquireName = getClass().getSimpleName() + ".acquire";

    /** @throws IllegalArgumentException if {@code value} is negative */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("a Semaphore's initial value must not be negative: " + value);
        }
        this.value = value;
    }

    public Task<Void> acquire() {
        if (value > 0 && waiters.isEmpty()) {
            value--;
            return DoneTask.VOID;
        }
        Waiter<Void> w = new Waiter<>(acquireName, null, dropWaiter, passOn);
        waiters.add(w);
        return w;
    }

    /** Gives a permit back: to the first waiting task if any. */
    public void release() {
        checkRelease(value, waiters.isEmpty());
        passOn();
    }

    /** Hook for {@link BoundedSemaphore}. */
    void checkRelease(int value, boolean noWaiters) {
    }

    private void passOn() {
        Waiter<Void> next = waiters.poll();
        if (next != null) {
            next.complete(null);
        } else {
            value++;
        }
    }

    /** @return true if {@link #acquire()} would wait */
    public boolean locked() {
        return value == 0 || !waiters.isEmpty();
    }

    /** @return the permits available now */
    public int value() {
        return value;
    }
}
