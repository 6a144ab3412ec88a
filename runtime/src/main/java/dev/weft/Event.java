package dev.weft;

import dev.weft.internal.DoneTask;
import dev.weft.internal.Waiter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * asyncio's {@code Event}: a flag tasks can wait for. {@link #waitSet()} is asyncio's {@code wait()}, renamed because
 * {@code wait()} is a method of {@link Object}. Loop thread only.
 */
public final class Event {
    private boolean set;
    private final List<Waiter<Boolean>> waiters = new ArrayList<>();
    /** Made once, not per wait: what a cancelled waiter calls back. */
    private final Consumer<Waiter<Boolean>> dropWaiter = waiters::remove;

    /** A new event, not set. */
    public Event() {
    }

    /** @return a task done with true once the flag is set (at once if it is) */
    public Task<Boolean> waitSet() {
        if (set) {
            return DoneTask.TRUE;
        }
        Waiter<Boolean> w = new Waiter<>("Event.waitSet", null, dropWaiter, abandoned -> { });
        waiters.add(w);
        return w;
    }

    /** Sets the flag and wakes every waiting task, in the order they started waiting. */
    public void set() {
        if (!set) {
            set = true;
            if (waiters.size() == 1) {
                waiters.remove(0).complete(true);   // the common hand-off: no copy of the list
                return;
            }
            // A waiter woken here may run at once and wait again: wake a copy, so the list may change meanwhile.
            List<Waiter<Boolean>> woken = new ArrayList<>(waiters);
            waiters.clear();
            for (Waiter<Boolean> w : woken) {
                w.complete(true);
            }
        }
    }

    /** Clears the flag: later {@link #waitSet()} calls wait again. */
    public void clear() {
        set = false;
    }

    public boolean isSet() {
        return set;
    }
}
