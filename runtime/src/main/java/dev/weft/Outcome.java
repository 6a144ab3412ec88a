package dev.weft;

import java.util.concurrent.CancellationException;

/**
 * How one task ended: with a value, or with an exception (a {@link CancellationException} if it was cancelled). What
 * {@link Weft#gatherOutcomes} collects, where asyncio's {@code gather(..., return_exceptions=True)} mixes values and
 * exceptions in one list.
 *
 * @param <T> the type of the value
 */
public final class Outcome<T> {
    private final T value;
    private final Throwable exception;

    private Outcome(T value, Throwable exception) {
        this.value = value;
        this.exception = exception;
    }

    public static <T> Outcome<T> success(T value) {
        return new Outcome<>(value, null);
    }

    public static <T> Outcome<T> failure(Throwable exception) {
        if (exception == null) {
            throw new NullPointerException("exception");
        }
        return new Outcome<>(null, exception);
    }

    /** @return true if the task ended with a value */
    public boolean isSuccess() {
        return exception == null;
    }

    /** @return true if the task was cancelled */
    public boolean isCancelled() {
        return exception instanceof CancellationException;
    }

    /** @return the value, or null if the task failed */
    public T value() {
        return value;
    }

    /** @return the exception, or null if the task ended with a value */
    public Throwable exception() {
        return exception;
    }

    @Override
    public String toString() {
        return exception == null ? "success(" + value + ")" : "failure(" + exception + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Outcome)) {
            return false;
        }
        Outcome<?> other = (Outcome<?>) o;
        return java.util.Objects.equals(value, other.value) && java.util.Objects.equals(exception, other.exception);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(value, exception);
    }
}
