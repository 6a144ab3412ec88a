package dev.weft;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every failure of the tasks of a {@link TaskGroup}, together: asyncio's {@code ExceptionGroup}. The first failure is
 * the cause; all of them are in {@link #exceptions()} and are suppressed exceptions of this one.
 *
 * <p>When a failing member made the group cancel the block that runs it (the block was not in {@code join()}), the
 * exception is thrown at once, while the other members are still finishing their cancellation: a failure of one of
 * them that comes later is added to this exception as it happens.
 */
public class TaskGroupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Throwable> exceptions;

    public TaskGroupException(List<Throwable> exceptions) {
        super(null, exceptions.get(0));
        this.exceptions = new ArrayList<>(exceptions.size());
        for (Throwable t : exceptions) {
            add(t);
        }
    }

    /** Adds a failure that happened after the exception was made (a member that failed while it was cancelled). */
    void add(Throwable failure) {
        exceptions.add(failure);
        addSuppressed(failure);
    }

    /** The failures, in the order they happened. */
    public List<Throwable> exceptions() {
        return Collections.unmodifiableList(exceptions);
    }

    @Override
    public String getMessage() {
        int n = exceptions.size();
        return n + (n == 1 ? " task" : " tasks") + " of the group failed";
    }
}
