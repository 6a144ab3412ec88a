package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.Task;
import dev.weft.TaskGroupException;

import java.util.LinkedHashSet;
import java.util.Set;

import static dev.weft.Weft.await;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;

/**
 * What the ports of {@code test_taskgroups.py} share: CPython's exception classes, its {@code get_error_types}, and
 * the small coroutines its cases define again and again.
 *
 * <p>Translation: {@code async with TaskGroup() as g: body} is {@code try (TaskGroup g = new TaskGroup()) { body;
 * await(g.join()); }}; {@code ExceptionGroup} is {@link TaskGroupException}; {@code ZeroDivisionError} is the
 * {@link ArithmeticException} of a real {@code 1 / 0}; Python's seconds are milliseconds in {@code sleep}.
 */
abstract class TaskGroupsTestCase extends AsyncioTestCase {

    /** CPython's {@code MyExc(Exception)}. */
    static final class MyExc extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** CPython's {@code MyBaseExc(BaseException)}: Java's nearest kin of a BaseException is an Error. */
    static final class MyBaseExc extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** Python's {@code ValueError(arg)}. */
    static final class ValueError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Object arg;

        ValueError(Object arg) {
            super(String.valueOf(arg));
            this.arg = arg;
        }
    }

    /** Python's {@code TypeError}. */
    static final class TypeError extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static int zero = 0;

    /** Python's {@code 1 / 0}: throws {@link ArithmeticException}. */
    static int divideByZero() {
        return 1 / zero;
    }

    /**
     * CPython's {@code get_error_types(eg)}: the classes of a group's exceptions. A throwable that is not a group (the
     * body's own exception, which Java's try-with-resources lets out as it is) counts as itself, together with the
     * failures of any group suppressed on it.
     */
    static Set<Class<?>> errorTypes(Throwable eg) {
        Set<Class<?>> types = new LinkedHashSet<>();
        if (eg instanceof TaskGroupException) {
            for (Throwable t : ((TaskGroupException) eg).exceptions()) {
                types.add(t.getClass());
            }
            return types;
        }
        types.add(eg.getClass());
        for (Throwable s : eg.getSuppressed()) {
            if (s instanceof TaskGroupException) {
                types.addAll(errorTypes(s));
            }
        }
        return types;
    }

    /** {@code await asyncio.sleep(s); return value}. */
    @Async
    Task<Integer> sleepThenReturn(long millis, int value) {
        await(sleep(millis));
        return done(value);
    }

    /** {@code await asyncio.sleep(s); 1 / 0}. */
    @Async
    Task<Void> sleepThenDivideByZero(long millis) {
        await(sleep(millis));
        divideByZero();
        return done();
    }

    /** {@code crash_after(t)}: sleeps, then raises {@code ValueError(t)} (t in seconds, as CPython passes it). */
    @Async
    Task<Void> crashAfter(double seconds) {
        await(sleep(Math.round(seconds * 1000)));
        throw new ValueError(seconds);
    }

    /** Awaits each task, whatever its outcome: lets members cancelled by a group's close finish cancelling. */
    @Async
    Task<Void> settle(Task<?>... tasks) {
        for (Task<?> t : tasks) {
            try {
                await(t);
            } catch (RuntimeException ignored) {
                // only its end matters here (a CancellationException is one too)
            }
        }
        return done();
    }
}
