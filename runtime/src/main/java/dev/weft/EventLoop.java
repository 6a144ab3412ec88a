package dev.weft;

import dev.weft.internal.AbstractTask;
import dev.weft.internal.Loop;
import dev.weft.internal.Tasks;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

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
 *
 * <p>Closed: once {@link #close()} has been called, {@link #callSoon}, {@link #callLater},
 * {@link #callSoonThreadsafe} and {@link #createTask} throw {@link IllegalStateException} ("the event loop is
 * closed"). A {@code callSoonThreadsafe} racing the close either throws or is accepted, and then runs in the close's
 * last pass; a {@link Weft#runCoroutineThreadsafe} future whose task is still pending at the close fails with an
 * {@link IllegalStateException}.
 *
 * <p>Other loops: a task may await a task of another loop running on another thread; it resumes on its own loop's
 * thread with that task's outcome, and cancelling it cancels that task on its loop. Awaiting a pending task of a loop
 * that is not running fails at once with an {@link IllegalStateException} naming both loops: it could never complete.
 *
 * <p>This class is the public face of the internal scheduler; it holds no state of its own but the exception handler
 * it was given.
 */
public final class EventLoop implements AutoCloseable {
    /** The EventLoop whose loop runs on this thread: what {@link #current()} answers. */
    private static final ThreadLocal<EventLoop> CURRENT = new ThreadLocal<>();

    final Loop loop;
    private volatile ExceptionHandler handler;

    private EventLoop(Loop loop) {
        this.loop = loop;
    }

    /** Creates a loop that is not running: asyncio's {@code new_event_loop()}. */
    public static EventLoop newEventLoop() {
        return new EventLoop(new Loop());
    }

    /**
     * Creates a loop whose clock is {@code nanoClock} (monotonic nanoseconds) instead of {@link System#nanoTime()}.
     */
    public static EventLoop newEventLoop(java.util.function.LongSupplier nanoClock) {
        return new EventLoop(new Loop(nanoClock, false));
    }

    /**
     * Creates a loop with virtual time, for tests: when nothing is ready it moves its clock to the next timer at once
     * instead of waiting, so a task that sleeps an hour completes instantly, with every timer still firing in order.
     * {@link #time()} reports the virtual time. Work from other threads is still waited for in real time.
     */
    public static EventLoop newVirtualTimeLoop() {
        return new EventLoop(new Loop(() -> 0L, true));
    }

    /**
     * Returns the loop running on the calling thread: asyncio's {@code get_running_loop()}.
     *
     * @throws IllegalStateException if no loop is running on this thread
     */
    public static EventLoop current() {
        EventLoop current = CURRENT.get();
        if (current == null) {
            Loop.running();   // throws, saying what to do
            throw new IllegalStateException("the running event loop was not started through EventLoop");
        }
        return current;
    }

    /** {@code Weft.run}: a fresh loop for one task, cleaned up after it. */
    static <T> T runFresh(Task<T> task, Supplier<? extends EventLoop> loopFactory) {
        if (Loop.runningOrNull() != null) {
            throw new IllegalStateException("Weft.run() cannot be called from a running event loop: "
                    + "await the task, or use createTask(...)");
        }
        EventLoop loop = loopFactory.get();
        if (loop == null) {
            throw new IllegalArgumentException("the loop factory returned null");
        }
        try {
            return loop.runUntilComplete(task);
        } finally {
            loop.cancelRemainingAndClose();
        }
    }

    /** {@code asyncio.run}'s clean-up, also the {@link Runner}'s: cancels what remains, waits for it, closes. */
    void cancelRemainingAndClose() {
        try {
            asCurrent(() -> {
                loop.cancelRemaining();
                return null;
            });
        } finally {
            close();
        }
    }

    /** Runs {@code body} with this loop as {@link #current()} on the calling thread. */
    private <R> R asCurrent(Supplier<R> body) {
        EventLoop outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return body.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /**
     * Runs the loop until {@code task} is done and returns its value, or throws its exception unwrapped. A task that
     * has not started is started first.
     *
     * @throws IllegalStateException if the loop is closed or already running, or if {@link #stop()} ends the loop
     *                               before the task is done
     */
    @SuppressWarnings("unchecked")
    public <T> T runUntilComplete(Task<T> task) {
        return asCurrent(() -> (T) loop.runUntilComplete(AbstractTask.of(task)));
    }

    /**
     * Runs the loop until {@link #stop()} is called. A stop requested before the call ends the loop after one
     * iteration, as in asyncio.
     */
    public void runForever() {
        asCurrent(() -> {
            loop.runForever();
            return null;
        });
    }

    /** Asks the running loop to stop once the current iteration's callbacks have run. */
    public void stop() {
        loop.stop();
    }

    /** @return true while the loop is running on some thread */
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** @return true once {@link #close()} has been called */
    public boolean isClosed() {
        return loop.isClosed();
    }

    /**
     * Closes the loop: pending callbacks are dropped, and failures of tasks that no one retrieved are reported.
     * Closing twice is harmless.
     *
     * @throws IllegalStateException if the loop is running
     */
    @Override
    public void close() {
        asCurrent(() -> {
            loop.close();
            return null;
        });
    }

    /**
     * Schedules {@code task} to start on this loop soon, and returns it. A task that already started (or is done) is
     * returned as it is: a task never starts twice.
     *
     * @throws IllegalArgumentException if {@code task} started on another loop
     */
    public <T> Task<T> createTask(Task<T> task) {
        if (task instanceof AbstractTask || task instanceof Future) {
            loop.createTask(AbstractTask.of(task));
        } else if (loop.isClosed()) {
            throw new IllegalStateException("the event loop is closed");
        }
        return task;
    }

    /**
     * As {@link #createTask(Task)}, starting the task eagerly (asyncio's eager tasks, {@code eager_start=True}): an
     * {@link Async} method's task runs its body now, on the caller's stack, until its first real suspension, and
     * goes on as a scheduled task from there; one that completes without suspending is done when this returns and
     * never goes through the loop. When this loop is not running on the calling thread, the task is scheduled as
     * {@code createTask} would.
     */
    public <T> Task<T> createEagerTask(Task<T> task) {
        if (task instanceof AbstractTask || task instanceof Future) {
            loop.createEagerTask(AbstractTask.of(task));
        } else if (loop.isClosed()) {
            throw new IllegalStateException("the event loop is closed");
        }
        return task;
    }

    /**
     * asyncio's {@code loop.set_task_factory(asyncio.eager_task_factory)}: from now on, every task this loop creates
     * ({@code createTask}, a {@link TaskGroup}'s members, {@code Weft.createTask}) starts eagerly, as
     * {@link #createEagerTask(Task)} starts one; {@code false} goes back to scheduling them. Loop thread only.
     */
    public void setEagerTasks(boolean eager) {
        loop.setEagerTasks(eager);
    }

    /** As {@link #createTask(Task)}, naming the task (asyncio's {@code name=}). */
    public <T> Task<T> createTask(Task<T> task, String name) {
        task.setName(name);
        return createTask(task);
    }

    /**
     * Runs {@code call} on {@code executor} (the loop's default executor if null) and returns a task, already started,
     * that completes on the loop thread with its result or exception: asyncio's {@code run_in_executor}. Loop thread
     * only. Cancelling the task does not stop the call.
     */
    public <T> Task<T> runInExecutor(Executor executor, Callable<T> call) {
        return createTask(Tasks.onThread(call, executor));
    }

    /** @return the tasks of this loop that are not done (those started by {@code createTask}), asyncio's all_tasks */
    public Set<Task<?>> allTasks() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(loop.pendingTasks()));
    }

    /**
     * Sets what receives exceptions of callbacks, task failures no one retrieved, and debug reports; null restores the
     * default, which logs them through {@link System.Logger} (logger {@code dev.weft}).
     */
    public void setExceptionHandler(ExceptionHandler handler) {
        this.handler = handler;
        loop.diagnostics().setHandler(handler == null ? null : context -> handler.handle(this, context));
    }

    /** @return the handler set by {@link #setExceptionHandler}, or null for the default */
    public ExceptionHandler exceptionHandler() {
        return handler;
    }

    /** Reports {@code context} to the exception handler, as the loop does itself. */
    public void callExceptionHandler(ExceptionContext context) {
        loop.diagnostics().report(context);
    }

    /**
     * Debug mode, as asyncio's: each callback or task step that keeps the loop longer than the slow callback duration
     * (100 ms unless set) is reported with its task's name and the time it took, and each coroutine created while the
     * loop runs that is never awaited is reported, with where it was created, when it is collected or the loop closes.
     */
    public void setDebug(boolean enabled) {
        loop.diagnostics().setDebug(enabled);
    }

    public boolean isDebug() {
        return loop.diagnostics().debug();
    }

    public void setSlowCallbackDuration(Duration duration) {
        loop.diagnostics().setSlowCallbackNanos(duration.toNanos());
    }

    /** Schedules {@code callback} to run in the next iteration, after those scheduled before it. Loop thread only. */
    public void callSoon(Runnable callback) {
        loop.callSoon(callback);
    }

    /**
     * Schedules {@code callback} to run once {@code delay} has passed, never earlier. Callbacks with the same deadline
     * run in the order they were scheduled; a negative delay is a deadline in the past, so {@code callLater(-2 s)}
     * runs before {@code callLater(-1 s)}, both at once. Loop thread only.
     */
    public TimerHandle callLater(Duration delay, Runnable callback) {
        return loop.callLater(delay.toNanos(), callback);
    }

    /**
     * Creates a pending {@link Future} of this loop: asyncio's {@code loop.create_future()}. Any thread may create
     * one; it is completed and awaited on this loop's thread.
     */
    public <T> Future<T> createFuture() {
        return new Future<>(loop);
    }

    /**
     * Schedules {@code callback} to run at the loop time {@code when}, in seconds as {@link #time()} gives it:
     * asyncio's {@code call_at}. A time already past is due at once. Loop thread only.
     */
    public TimerHandle callAt(double when, Runnable callback) {
        return loop.callAt(when, callback);
    }

    /**
     * Schedules {@code callback} from any thread and wakes the loop if it is waiting. Callbacks from one thread run
     * in the order that thread scheduled them; with {@link #callSoon} it keeps one FIFO order: a callback scheduled
     * here before a {@code callSoon} call (as the two threads synchronized) runs before that call's.
     */
    public void callSoonThreadsafe(Runnable callback) {
        loop.callSoonThreadsafe(callback);
    }

    /** @return the loop's monotonic clock, in seconds, as asyncio's {@code loop.time()} */
    public double time() {
        return loop.time();
    }

    /** Weft.runCoroutineThreadsafe: schedules {@code task} from another thread; a future of its outcome. */
    <T> CompletableFuture<T> submitThreadsafe(Task<T> task) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            loop.callSoonThreadsafe(() -> startForFuture(task, future));
        } catch (IllegalStateException closed) {
            future.completeExceptionally(closed);
        }
        return future;
    }

    private <T> void startForFuture(Task<T> task, CompletableFuture<T> future) {
        if (future.isDone()) {
            return;
        }
        Task<T> started;
        try {
            started = createTask(task);
        } catch (IllegalStateException closed) {
            future.completeExceptionally(closed);
            return;
        }
        Runnable closing = () -> future.completeExceptionally(new IllegalStateException(
                "the event loop was closed before " + started + " completed"));
        loop.whenClosed(closing);
        started.addDoneCallback(done -> {
            loop.notWhenClosed(closing);
            if (done.isCancelled()) {
                future.completeExceptionally(new CancellationException(done + " was cancelled"));
            } else if (done.exception() != null) {
                future.completeExceptionally(done.exception());
            } else {
                future.complete(done.result());
            }
        });
        future.whenComplete((v, e) -> {
            if (future.isCancelled()) {
                try {
                    loop.callSoonThreadsafe(started::cancel);
                } catch (IllegalStateException closed) {
                    // The loop closed: the task will never run again, there is nothing left to cancel.
                }
            }
        });
    }

    @Override
    public String toString() {
        return loop.toString();
    }
}
