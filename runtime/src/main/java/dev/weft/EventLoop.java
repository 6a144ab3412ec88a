package dev.weft;

import dev.weft.internal.Loop;

import java.time.Duration;

/**
 * A single-threaded event loop: asyncio's loop. It runs tasks and callbacks one at a time on the thread that runs
 * it, so code in tasks never races with other tasks of the same loop.
 *
 * <p>A loop is run by {@link #runUntilComplete(Task)} or {@link #runForever()} on the calling thread; that thread is
 * the loop's thread while it runs. Only {@link #callSoonThreadsafe(Runnable)} may be called from other threads; every
 * other method belongs to the loop's thread (or to any single thread while the loop is not running).
 *
 * <p>Order: each iteration runs the callbacks that were ready when it began, in the order they were scheduled, after
 * moving to the ready queue the callbacks of other threads and the timers whose deadline has passed.
 */
public abstract class EventLoop implements AutoCloseable {

    /** For Weft's implementation only. */
    protected EventLoop() {
    }

    /** Creates a loop that is not running: asyncio's {@code new_event_loop()}. */
    public static EventLoop newEventLoop() {
        return new Loop();
    }

    /**
     * Creates a loop whose clock is {@code nanoClock} (monotonic nanoseconds) instead of {@link System#nanoTime()}.
     */
    public static EventLoop newEventLoop(java.util.function.LongSupplier nanoClock) {
        return new Loop(nanoClock, false);
    }

    /**
     * Creates a loop with virtual time, for tests: when nothing is ready it moves its clock to the next timer at once
     * instead of waiting, so a task that sleeps an hour completes instantly, with every timer still firing in order.
     * {@link #time()} reports the virtual time. Work from other threads is still waited for in real time.
     */
    public static EventLoop newVirtualTimeLoop() {
        long[] never = {0};
        return new Loop(() -> never[0], true);
    }

    /**
     * Returns the loop running on the calling thread: asyncio's {@code get_running_loop()}.
     *
     * @throws IllegalStateException if no loop is running on this thread
     */
    public static EventLoop current() {
        return Loop.running();
    }

    /**
     * Runs the loop until {@code task} is done and returns its value, or throws its exception unwrapped. A task that
     * has not started is started first.
     *
     * @throws IllegalStateException if the loop is closed or already running, or if {@link #stop()} ends the loop
     *                               before the task is done
     */
    public abstract <T> T runUntilComplete(Task<T> task);

    /**
     * Runs the loop until {@link #stop()} is called. A stop requested before the call ends the loop after one
     * iteration, as in asyncio.
     */
    public abstract void runForever();

    /** Asks the running loop to stop once the current iteration's callbacks have run. */
    public abstract void stop();

    /** @return true while the loop is running on some thread */
    public abstract boolean isRunning();

    /** @return true once {@link #close()} has been called */
    public abstract boolean isClosed();

    /**
     * Closes the loop: pending callbacks are dropped, and failures of tasks that no one retrieved are reported.
     * Closing twice is harmless.
     *
     * @throws IllegalStateException if the loop is running
     */
    @Override
    public abstract void close();

    /**
     * Schedules {@code task} to start on this loop soon, and returns it. A task that already started (or is done) is
     * returned as it is: a task never starts twice.
     */
    public abstract <T> Task<T> createTask(Task<T> task);

    /** As {@link #createTask(Task)}, naming the task (asyncio's {@code name=}). */
    public abstract <T> Task<T> createTask(Task<T> task, String name);

    /**
     * Runs {@code call} on {@code executor} (the loop's default executor if null) and returns a task, already started,
     * that completes on the loop thread with its result or exception: asyncio's {@code run_in_executor}. Loop thread
     * only. Cancelling the task does not stop the call.
     */
    public abstract <T> Task<T> runInExecutor(java.util.concurrent.Executor executor,
                                              java.util.concurrent.Callable<T> call);

    /** @return the tasks of this loop that are not done (those started by {@code createTask}), asyncio's all_tasks */
    public abstract java.util.Set<Task<?>> allTasks();

    /**
     * Sets what receives exceptions of callbacks, task failures no one retrieved, and debug reports; null restores the
     * default, which logs them through {@link System.Logger} (logger {@code dev.weft}).
     */
    public abstract void setExceptionHandler(ExceptionHandler handler);

    /** @return the handler set by {@link #setExceptionHandler}, or null for the default */
    public abstract ExceptionHandler exceptionHandler();

    /** Reports {@code context} to the exception handler, as the loop does itself. */
    public abstract void callExceptionHandler(ExceptionContext context);

    /**
     * Debug mode, as asyncio's: each callback or task step that keeps the loop longer than the slow callback duration
     * (100 ms unless set) is reported with its task's name and the time it took, and each coroutine created while the
     * loop runs that is never awaited is reported, with where it was created, when it is collected or the loop closes.
     */
    public abstract void setDebug(boolean enabled);

    public abstract boolean isDebug();

    public abstract void setSlowCallbackDuration(Duration duration);

    /** Schedules {@code callback} to run in the next iteration, after those scheduled before it. Loop thread only. */
    public abstract void callSoon(Runnable callback);

    /**
     * Schedules {@code callback} to run once {@code delay} has passed, never earlier. Callbacks with the same deadline
     * run in the order they were scheduled. Loop thread only.
     */
    public abstract TimerHandle callLater(Duration delay, Runnable callback);

    /**
     * Schedules {@code callback} from any thread and wakes the loop if it is waiting. Callbacks from one thread run
     * in the order that thread scheduled them.
     */
    public abstract void callSoonThreadsafe(Runnable callback);

    /** @return the loop's monotonic clock, in seconds, as asyncio's {@code loop.time()} */
    public abstract double time();
}
