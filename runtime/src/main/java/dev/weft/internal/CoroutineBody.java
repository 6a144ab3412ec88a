package dev.weft.internal;

/**
 * The resumable body of one woven {@code @Async} method: a static synthetic method of the declaring class, bound by
 * {@code invokedynamic} to this interface. ABI for woven code.
 */
@FunctionalInterface
public interface CoroutineBody {

    /**
     * Runs the body from the resume point recorded in {@code coroutine} until it suspends or returns.
     *
     * @return {@link Coroutine#SUSPEND} if the body suspended at an await, otherwise the {@code Task} the body returned
     */
    Object resume(Coroutine<?> coroutine) throws Throwable;
}
