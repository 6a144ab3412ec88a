package dev.weft;

import dev.weft.internal.DoneTask;
import dev.weft.internal.Loop;
import dev.weft.internal.LoopFuture;
import dev.weft.internal.WaiterQueue;

/**
 * asyncio's {@code Semaphore}: a counter of permits. {@link #acquire()} takes one, waiting while there is none;
 * {@link #release()} gives one back, to the first waiting task if any. Fair and cancellation-safe as {@link Lock}:
 * a permit granted to a task cancelled before it resumes goes to the next waiter. Loop thread only.
 */
public class Semaphore {
    private int value;
    private final WaiterQueue<Acquire> waiters = new WaiterQueue<>();
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
        Acquire w = new Acquire(Loop.running());
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
        Acquire next = waiters.poll();
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

    /** One task's wait for a permit. */
    private final class Acquire extends LoopFuture<Void> {
        Acquire(Loop loop) {
            super(loop);
        }

        /** Its task was cancelled before it could use the permit: the next waiter gets it, or it is counted back. */
        @Override
        protected boolean giveBack(Void granted) {
            passOn();
            return true;
        }

        @Override
        protected String describe() {
            return acquireName;
        }
    }
}
