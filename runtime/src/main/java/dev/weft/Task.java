package dev.weft;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A unit of asynchronous work with an eventual result: asyncio's {@code Task} (and its coroutine object).
 *
 * <p>Calling an {@link Async} method returns a task that has not started. It starts when it is awaited (it then runs
 * inside the awaiting task, with no trip through the loop), when it is given to {@link Weft#createTask(Task)} or
 * {@link EventLoop#createTask(Task)}, or when it is run by {@link Weft#run(Task)}. A task starts at most once.
 *
 * <p><b>Threads.</b> Every method of a task belongs to the thread of the loop that runs it: call them from that
 * loop's tasks and callbacks. To reach a task from another thread, use {@link EventLoop#callSoonThreadsafe(Runnable)}
 * or {@link #toCompletableFuture()}.
 *
 * <p><b>Outcome.</b> A task ends in exactly one of three ways: with a value, with an exception, or cancelled (an
 * exception that is a {@link java.util.concurrent.CancellationException}). Exceptions are never wrapped: awaiting a
 * failed task, or calling {@link #result()}, throws the very instance the task threw, checked or not.
 *
 * <p>Weft's own tasks come from {@link Async} methods and from {@link Weft}; this class may be extended by adapters,
 * whose instances Weft then awaits through {@link #toCompletableFuture()}: the adapter completes that future,
 * from any thread, and the awaiting task resumes on its own loop's thread.
 *
 * @param <T> the type of the result
 */
public abstract class Task<T> {

    /** For subclasses. */
    protected Task() {
    }

    /**
     * Requests cancellation, asyncio's {@code Task.cancel()}. A task that has not started finishes cancelled at once
     * and never runs its body. A suspended task gets a {@link java.util.concurrent.CancellationException} thrown at
     * its pending {@code await} when the loop next runs it (what it awaits is cancelled too); its {@code finally}
     * blocks run and it may catch the exception and go on. A running task is cancelled at its next {@code await}.
     *
     * @return false if the task was already done, true otherwise
     */
    public abstract boolean cancel();

    /**
     * As {@link #cancel()}, with a message: the {@link java.util.concurrent.CancellationException} the task ends with,
     * and those of the tasks down its chain of awaits, carry {@code message}: asyncio's {@code cancel(msg)}.
     * Adapters that cannot carry a message cancel plainly.
     *
     * @return false if the task was already done, true otherwise
     */
    public boolean cancel(String message) {
        return cancel();
    }

    /**
     * asyncio's {@code cancelling()}: how many cancellations were requested of this task and not taken back by
     * {@link #uncancel()}. Timeout scopes and task groups take back the cancellations they make; code that catches a
     * cancellation and goes on should call {@link #uncancel()} so that scopes around it keep working.
     */
    public int cancelling() {
        return 0;
    }

    /**
     * asyncio's {@code uncancel()}: takes back one cancellation request and returns how many are left. When none is
     * left, a cancellation requested but not yet delivered (the task cancelled itself, say) is dropped.
     */
    public int uncancel() {
        return 0;
    }

    /** @return true once the task has a value, an exception, or was cancelled */
    public abstract boolean isDone();

    /** @return true if the task finished cancelled */
    public abstract boolean isCancelled();

    /**
     * Returns the task's value, or throws its exception unwrapped (even a checked one), as asyncio's
     * {@code Task.result()}.
     *
     * @throws IllegalStateException if the task is not done
     */
    public abstract T result();

    /**
     * Returns the exception the task finished with, or null if it finished with a value.
     *
     * @throws java.util.concurrent.CancellationException if the task was cancelled
     * @throws IllegalStateException if the task is not done
     */
    public abstract Throwable exception();

    /** @return the task's name, {@code Task-N} unless set */
    public abstract String name();

    /** asyncio's {@code get_name()}: the same as {@link #name()}. */
    public String getName() {
        return name();
    }

    /**
     * asyncio's {@code set_name()}: renames the task, in messages and dumps from now on.
     *
     * @throws UnsupportedOperationException for an adapter that keeps no name
     */
    public void setName(String name) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot be renamed");
    }

    /**
     * Adds a callback run on the task's loop once the task is done (at once, through the loop, if it is done
     * already). Callbacks run in the order they were added, each in its own loop callback.
     */
    public abstract void addDoneCallback(Consumer<? super Task<T>> callback);

    /**
     * Returns a future completed, on the loop thread, with this task's outcome: for code on other threads. Cancelling
     * the future does not cancel the task.
     */
    public abstract CompletableFuture<T> toCompletableFuture();
}
