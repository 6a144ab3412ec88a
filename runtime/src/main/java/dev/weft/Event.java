package dev.weft;

import dev.weft.internal.DoneTask;
import dev.weft.internal.Loop;
import dev.weft.internal.LoopFuture;
import dev.weft.internal.WaiterQueue;

/**
 * asyncio's {@code Event}: a flag tasks can wait for. {@link #waitSet()} is asyncio's {@code wait()}, renamed because
 * {@code wait()} is a method of {@link Object}. A task cancelled while waiting leaves at once, in constant time.
 * Loop thread only.
 */
public final class Event {
    private boolean set;
    private final WaiterQueue<LoopFuture<Boolean>> waiters = new WaiterQueue<>();

    /** A new event, not set. */
    public Event() {
    }

    /** @return a task done with true once the flag is set (at once if it is) */
    public Task<Boolean> waitSet() {
        if (set) {
            return DoneTask.TRUE;
        }
        LoopFuture<Boolean> w = LoopFuture.on(Loop.running(), "Event.waitSet");
        waiters.add(w);
        return w;
    }

    /** Sets the flag and wakes every waiting task, in the order they started waiting. */
    public void set() {
        if (!set) {
            set = true;
            if (waiters.size() == 1) {
                waiters.poll().complete(true);   // the common hand-off: no second queue
                return;
            }
            // A task woken here may run at once, clear the flag and wait again: it waits in the event's new queue.
            WaiterQueue<LoopFuture<Boolean>> woken = waiters.takeAll();
            LoopFuture<Boolean> w;
            while ((w = woken.poll()) != null) {
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
