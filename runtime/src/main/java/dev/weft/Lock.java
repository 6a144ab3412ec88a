package dev.weft;

import dev.weft.internal.DoneTask;
import dev.weft.internal.Loop;
import dev.weft.internal.LoopFuture;
import dev.weft.internal.WaiterQueue;

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
 * leaves the queue; one cancelled after the lock passed to it, before it could resume, passes it on, through any
 * wrapper it awaited the acquisition with ({@code waitFor}, {@code shield}, {@code gather}, a timeout scope, ...).
 * Loop thread only; not re-entrant.
 */
public final class Lock {
    private boolean locked;
    private final WaiterQueue<Acquire> waiters = new WaiterQueue<>();

    /** A new lock, not locked. */
    public Lock() {
    }

    /** @return a task done when this task holds the lock; done at once if the lock was free and no one waited */
    public Task<Void> acquire() {
        if (!locked && waiters.isEmpty()) {
            locked = true;
            return DoneTask.VOID;
        }
        Acquire w = new Acquire(Loop.running());
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
        Acquire next = waiters.poll();
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

    /** One task's wait for the lock; granted, the lock is its holder's. */
    private final class Acquire extends LoopFuture<Void> {
        Acquire(Loop loop) {
            super(loop);
        }

        /** Its task was cancelled before it could use the lock: the next waiter gets it. */
        @Override
        protected boolean giveBack(Void granted) {
            passOn();
            return true;
        }

        @Override
        protected String describe() {
            return "Lock.acquire";
        }
    }
}
