package dev.weft;

/**
 * What an {@link ExceptionHandler} is told: asyncio's context dict.
 */
public final class ExceptionContext {
    private final String message;
    private final Throwable exception;
    private final Task<?> task;

    public ExceptionContext(String message, Throwable exception, Task<?> task) {
        this.message = message;
        this.exception = exception;
        this.task = task;
    }

    /** What happened, in one line. */
    public String message() {
        return message;
    }

    /** The exception, or null (a slow callback, a coroutine never awaited). */
    public Throwable exception() {
        return exception;
    }

    /** The task concerned, or null (a plain callback, or a task already collected). */
    public Task<?> task() {
        return task;
    }

    @Override
    public String toString() {
        return exception == null ? message : message + ": " + exception;
    }
}
