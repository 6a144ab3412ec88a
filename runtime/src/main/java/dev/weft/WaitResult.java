package dev.weft;

import java.util.Collections;
import java.util.Set;

/**
 * What {@link Weft#waitTasks} gives: the tasks that are done and those still pending, each in the order they were
 * given.
 *
 * @param <T> the type of the tasks' results
 */
public final class WaitResult<T> {
    private final Set<Task<T>> done;
    private final Set<Task<T>> pending;

    public WaitResult(Set<Task<T>> done, Set<Task<T>> pending) {
        this.done = Collections.unmodifiableSet(done);
        this.pending = Collections.unmodifiableSet(pending);
    }

    public Set<Task<T>> done() {
        return done;
    }

    public Set<Task<T>> pending() {
        return pending;
    }

    @Override
    public String toString() {
        return "done=" + done + ", pending=" + pending;
    }
}
