package dev.weft.internal;

/**
 * The resumable body of one woven {@code @Async} method or async lambda, a synthetic method of the declaring class
 * bound by {@code invokedynamic} to this interface. ABI for woven code.
 *
 * <p>Two shapes: the body of an instance method is a private instance method {@code Object NAME(Coroutine)} of the
 * same receiver, so a debugger and {@code this} in the original code see the object the method was called on; the
 * body of a static method (or of an instance method whose code writes local 0) is a private static method
 * {@code Object NAME(Object unused, Coroutine)}. Either way the coroutine is in local 1.
 */
@FunctionalInterface
public interface CoroutineBody {

    /**
     * Runs the body from the resume point recorded in {@code coroutine} until it suspends or returns.
     *
     * @param self      the receiver of an instance body (the coroutine's reference spill slot 0); null for a static one
     * @param coroutine the task of this call
     * @return {@link Coroutine#SUSPEND} if the body suspended at an await, otherwise the {@code Task} the body returned
     */
    Object resume(Object self, Coroutine<?> coroutine) throws Throwable;
}
