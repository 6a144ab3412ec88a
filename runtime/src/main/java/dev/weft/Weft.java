package dev.weft;

import dev.weft.internal.AbstractTask;
import dev.weft.internal.DoneTask;
import dev.weft.internal.Loop;
import dev.weft.internal.Sleep;
import dev.weft.internal.UnwovenAwait;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * asyncio's module functions. Use with {@code import static dev.weft.Weft.*;}.
 */
public final class Weft {
    private Weft() {
    }

    /**
     * Suspends the calling {@link Async} method until {@code task} is done, then returns its value or throws its
     * exception unwrapped (the same instance). A task that has not started runs at once inside the caller, with no
     * trip through the loop; a task that is done gives its outcome without suspending. If the caller is cancelled
     * while suspended here, this throws {@link java.util.concurrent.CancellationException} and {@code task} is
     * cancelled too.
     *
     * <p>Only valid inside an {@link Async} method of a woven class: the weaver replaces this call. Reached in code
     * that was not woven, it throws {@link IllegalStateException} naming the class and method; it never blocks.
     */
    public static <T> T await(Task<T> task) {
        throw UnwovenAwait.error();
    }

    /**
     * Suspends the calling {@link Async} method until {@code stage} completes, then returns its value or throws its
     * exception, with a {@link java.util.concurrent.CompletionException} or
     * {@link java.util.concurrent.ExecutionException} wrapper removed. The caller resumes on its loop's thread,
     * whichever thread completes the stage. Cancelling the caller does not cancel the stage.
     *
     * <p>Same weaving rule as {@link #await(Task)}.
     */
    public static <T> T await(CompletionStage<T> stage) {
        throw UnwovenAwait.error();
    }

    /** Returns a task that is done with {@code value}: the way an {@link Async} method returns. */
    public static <T> Task<T> done(T value) {
        return new DoneTask<>(value);
    }

    /** Returns a task that is done with no value: the way an {@link Async} method of {@code Task<Void>} returns. */
    public static Task<Void> done() {
        return DoneTask.VOID;
    }

    /**
     * asyncio's {@code run}: creates a loop on the calling thread, runs {@code task} to completion, cancels the tasks
     * that remain and waits for them to finish, then closes the loop. Returns the task's value or throws its exception
     * unwrapped.
     *
     * @throws IllegalStateException if a loop is already running on this thread
     */
    public static <T> T run(Task<T> task) {
        return Loop.runFresh(task);
    }

    /**
     * Schedules {@code task} on the running loop to start soon, and returns it: asyncio's {@code create_task}.
     *
     * @throws IllegalStateException if no loop is running on this thread
     */
    public static <T> Task<T> createTask(Task<T> task) {
        return Loop.running().createTask(task);
    }

    /**
     * Returns a task that completes {@code millis} milliseconds after it starts, never earlier: asyncio's
     * {@code sleep}. {@code sleep(0)} yields once: the awaiting task resumes in the next loop iteration. Cancelling the
     * task removes its timer.
     *
     * @throws IllegalArgumentException if {@code millis} is negative
     */
    public static Task<Void> sleep(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("sleep time must not be negative: " + millis + " ms");
        }
        return new Sleep(Math.multiplyExact(millis, 1_000_000L));
    }

    /** As {@link #sleep(long)}, with a {@link Duration}. */
    public static Task<Void> sleep(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("sleep time must not be negative: " + duration);
        }
        return new Sleep(duration.toNanos());
    }

    /** Returns the task whose code is running on this thread's loop, or null outside a task. */
    public static Task<?> currentTask() {
        AbstractTask<?> current = Loop.currentTaskOrNull();
        return current;
    }
}
