package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

/**
 * Sources of awaited values for the validation targets. Every target method that awaits takes a {@code mode}:
 * {@link #SLEEP} makes every awaited value come from a task that really suspends (it sleeps 1 ms first),
 * {@link #DONE} from a task that is already done, {@link #ALTERNATE} from the two in turn.
 */
public final class Awaitables {
    public static final int SLEEP = 0;
    public static final int DONE = 1;
    public static final int ALTERNATE = 2;

    private static int calls;

    private Awaitables() {
    }

    /** A task with {@code value}: suspending, done or alternating as {@code mode} says. */
    public static <T> Task<T> v(int mode, T value) {
        switch (mode) {
            case SLEEP:
                return slow(value);
            case DONE:
                return done(value);
            case ALTERNATE:
                return (calls++ & 1) == 0 ? slow(value) : done(value);
            default:
                throw new IllegalArgumentException("mode " + mode);
        }
    }

    /**
     * A task that fails with {@code IllegalArgumentException(message)}: after suspending, at once, or the two in turn,
     * as {@code mode} says. Public for the hand-built classes of {@code dev.weft.weaver.handbuilt}.
     */
    @Async
    public static <T> Task<T> failing(int mode, String message) {
        if (mode == SLEEP || (mode == ALTERNATE && (calls++ & 1) == 0)) {
            await(sleep(1));
        }
        throw new IllegalArgumentException(message);
    }

    /** Sleeps 1 ms, so that its awaiter really suspends, then gives {@code value}. */
    @Async
    public static <T> Task<T> slow(T value) {
        await(sleep(1));
        return done(value);
    }

    /** Yields once to the loop (sleep(0)), then gives {@code value}. */
    @Async
    public static <T> Task<T> yielding(T value) {
        await(sleep(0));
        return done(value);
    }
}
