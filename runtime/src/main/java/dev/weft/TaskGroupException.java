package dev.weft;

import java.util.List;

/**
 * Every failure of the tasks of a {@link TaskGroup}, together: asyncio's {@code ExceptionGroup}. The first failure is
 * the cause; all of them are in {@link #exceptions()} and are suppressed exceptions of this one.
 */
public class TaskGroupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Throwable> exceptions;

    public TaskGroupException(List<Throwable> exceptions) {
        super(exceptions.size() + (exceptions.size() == 1 ? " task" : " tasks") + " of the group failed",
                exceptions.get(0));
        this.exceptions = List.copyOf(exceptions);
        for (Throwable t : exceptions) {
            addSuppressed(t);
        }
    }

    /** The failures, in the order they happened. */
    public List<Throwable> exceptions() {
        return exceptions;
    }
}
