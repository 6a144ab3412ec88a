package dev.weft;

import dev.weft.internal.DoneTask;
import dev.weft.internal.Waiter;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * asyncio's {@code Lock}: mutual exclusion between tasks of one loop.
 *
 * <pre>{@code
 * await(lock.acquire());
 * try {
 *     ... // may await
 * } finally {
 *     lock.release();
 * }
 * }</pre>
 *
 * <p>Fair: the lock passes to waiting tasks in the order they asked. Cancellation-safe: a task cancelled while waiting
 * leaves the queue; one cancelled after the lock passed to it, before it could resume, passes it on. Loop thread only;
 * not re-entrant.
 */
public final class Lock {
    private boolean locked;
    private final ArrayDeque<Waiter<Void>> waiters = new ArrayDeque<>();
    // Made once, not per wait: what a cancelled or abandoned waiter calls back.
    private final Consumer<Waiter<Void>> dropWaiter = waiters::remove;
    private final Consumer<Waiter<Void>> passOn = abandoned -> passOn();

    /** A new lock, not locked. */
    public Lock() {
    }

    /** @return a task done when this task holds the lock; done at once if the lock was free and no one waited */
    public Task<Void> acquire() {
        if (!locked && waiters.isEmpty()) {
            locked = true;
            return DoneTask.VOID;
        }
        Waiter<Void> w = new Waiter<>("Lock.acquire", null, dropWaiter, passOn);
        waiters.add(w);
        return w;
    }

    /**
     * Releases the lock: the first waiting task gets it.
     *
     * @throws IllegalStateException if the lock is not locked
     */
    public void release() {
        if (!locked) {
            throw new IllegalStateException("release() of a Lock that is not locked");
        }
        passOn();
    }

    private void passOn() {
        Waiter<Void> next = waiters.poll();
        if (next != null) {
            next.complete(null);   // stays locked: it now belongs to next
        } else {
            locked = false;
        }
    }

    public boolean isLocked() {
        return locked;
    }

    @Override
    public String toString() {
        return "Lock[" + (locked ? "locked" : "unlocked") + ", waiters=" + waiters.size() + "]";
    }
}
