package dev.weft.internal;

import dev.weft.Task;

import java.util.ArrayList;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The state every Weft task shares: a lifecycle, an outcome and the parties waiting for it.
 *
 * <p>Implementation overview. A task moves through {@code NEW -> SCHEDULED -> STARTED -> DONE} (a task may skip
 * states but never goes back). Subclasses decide what starting means ({@link #start}): a coroutine runs its body,
 * a sleep arms a timer. Completion happens once, on the loop thread, through {@link #finish}; it stores the outcome
 * and then wakes the waiters in the order they registered: a waiting {@link Coroutine} is resumed through its loop,
 * a callback is scheduled with {@code callSoon}. All fields are confined to the loop thread, so nothing here is
 * volatile or atomic except the name counter, which is shared by all loops.
 *
 * <p>Failures no one retrieves are reported when the loop closes: a failure counts as retrieved once something
 * awaited the task or called {@link #result()} or {@link #exception()}.
 *
 * @param <T> the type of the result
 */
public abstract class AbstractTask<T> extends Task<T> {
    static final byte NEW = 0;
    static final byte SCHEDULED = 1;
    static final byte STARTED = 2;
    static final byte DONE = 3;

    private static final AtomicLong NAMES = new AtomicLong();

    byte status;
    private boolean retrieved;
    /** In its loop's set of tasks (those started by createTask): only those are taken out of it when done. */
    boolean registered;
    /** Set when the task failed, until the failure is retrieved or reported. */
    private Diagnostics.FailureRecord failureRecord;
    private Object value;
    private Throwable failure;
    /** null, one waiter (a Coroutine or a Consumer), or an ArrayList of them. */
    private Object waiters;
    private String name;
    Loop loop;

    protected AbstractTask() {
    }

    /** Adapts anything {@code Weft.await} accepts to a task. */
    public static AbstractTask<?> of(Object awaitable) {
        if (awaitable instanceof AbstractTask) {
            return (AbstractTask<?>) awaitable;
        }
        if (awaitable instanceof Task) {
            return StageTask.of(((Task<?>) awaitable).toCompletableFuture());
        }
        if (awaitable instanceof CompletionStage) {
            return StageTask.of((CompletionStage<?>) awaitable);
        }
        if (awaitable == null) {
            throw new NullPointerException("await(null): the awaited Task or CompletionStage is null");
        }
        throw new IllegalArgumentException("cannot await a " + awaitable.getClass().getName());
    }

    // ---- lifecycle hooks ------------------------------------------------------------------------------------------

    /** Starts a task that is {@code NEW} on {@code loop} because {@link Loop#createTask} was called. */
    void schedule(Loop loop) {
        start(loop);
    }

    /** Starts a task that is {@code NEW} because {@code parent} awaits it. */
    void startInline(Coroutine<?> parent) {
        start(parent.loop);
    }

    /** Starts the task's work. The default marks it started: it is completed from outside. */
    void start(Loop loop) {
        this.loop = loop;
        status = STARTED;
    }

    final boolean isNew() {
        return status == NEW;
    }

    // ---- completion -----------------------------------------------------------------------------------------------

    /**
     * Completes the task with {@code value}, or with {@code failure} when it is not null, and wakes its waiters except
     * {@code continued}, which the caller resumes itself. Has no effect on a task that is done.
     */
    final void finish(Object value, Throwable failure, Coroutine<?> continued) {
        if (status == DONE) {
            return;
        }
        status = DONE;
        this.value = value;
        this.failure = failure;
        Loop l = loop;
        if (l != null) {
            if (registered) {
                l.unregister(this);
            }
            if (failure != null && !retrieved && !(failure instanceof CancellationException)) {
                failureRecord = l.diagnostics.failed(this, failure);
            }
        }
        Object w = waiters;
        waiters = null;
        if (w instanceof ArrayList) {
            for (Object each : (ArrayList<?>) w) {
                wake(each, continued);
            }
        } else if (w != null) {
            wake(w, continued);
        }
        released();
    }

    /** Called once the task is done, to drop what it no longer needs. */
    void released() {
    }

    @SuppressWarnings("unchecked")
    private void wake(Object waiter, Coroutine<?> continued) {
        if (waiter == continued) {
            return;
        }
        if (waiter instanceof Coroutine) {
            Coroutine<?> c = (Coroutine<?>) waiter;
            c.loop.wake(c);
        } else if (waiter instanceof Listener) {
            ((Listener<T>) waiter).onDone.accept(this);
        } else {
            Consumer<? super Task<T>> callback = (Consumer<? super Task<T>>) waiter;
            callbackLoop().callSoon(() -> callback.accept(this));
        }
    }

    private Loop callbackLoop() {
        if (loop != null) {
            return loop;
        }
        Loop running = Loop.runningOrNull();
        if (running == null) {
            throw new IllegalStateException("no running event loop to run the done callback of " + this);
        }
        return running;
    }

    final void finishCancelled(String why) {
        finish(null, new CancellationException(why), null);
    }

    final void addWaiter(Object waiter) {
        Object w = waiters;
        if (w == null) {
            waiters = waiter;
        } else if (w instanceof ArrayList) {
            @SuppressWarnings("unchecked")
            ArrayList<Object> list = (ArrayList<Object>) w;
            list.add(waiter);
        } else {
            ArrayList<Object> list = new ArrayList<>(4);
            list.add(w);
            list.add(waiter);
            waiters = list;
        }
    }

    final void removeWaiter(Object waiter) {
        Object w = waiters;
        if (w == waiter) {
            waiters = null;
        } else if (w instanceof ArrayList) {
            ((ArrayList<?>) w).remove(waiter);
        }
    }

    /** Completes this task with the outcome of {@code done}, which must be done; marks that outcome retrieved. */
    final void finishFrom(AbstractTask<?> done) {
        done.markRetrieved();
        finish(done.value, done.failure, null);
    }

    /**
     * Calls {@code onDone} on the loop thread once this task is done (at once if it is): the internal form of a done
     * callback, run in the completing callback rather than through the ready queue.
     */
    final void whenDone(Consumer<AbstractTask<T>> onDone) {
        if (status == DONE) {
            onDone.accept(this);
        } else {
            addWaiter(new Listener<>(onDone));
        }
    }

    /** Wraps an internal completion listener, which runs inline instead of being scheduled. */
    static final class Listener<T> {
        final Consumer<AbstractTask<T>> onDone;

        Listener(Consumer<AbstractTask<T>> onDone) {
            this.onDone = onDone;
        }
    }

    /**
     * Called when the task that awaited this one is cancelled after this one completed but before the awaiting task
     * could take the outcome: a granted lock or a received item would otherwise be lost. By default nothing is held.
     */
    void abandoned() {
    }

    /** Starts this task on {@code loop} if it has not started: what awaiting it from a callback-driven task does. */
    final void ensureStarted(Loop loop) {
        if (status == NEW) {
            schedule(loop);
        }
    }

    /** Someone took the outcome: a failure is no longer reported as never retrieved. */
    final void markRetrieved() {
        retrieved = true;
        Diagnostics.FailureRecord record = failureRecord;
        if (record != null) {
            failureRecord = null;
            record.retrieved();
        }
    }

    final boolean hasFailed() {
        return status == DONE && failure != null;
    }

    final boolean wasCancelled() {
        return status == DONE && failure instanceof CancellationException;
    }

    /** Returns the value, or throws the failure unchanged; marks the outcome retrieved. The task must be done. */
    public final Object valueOrThrow() {
        markRetrieved();
        if (failure != null) {
            throw Throwables.sneaky(failure);
        }
        return value;
    }

    /** The value of a task done with a value, without marking it retrieved. */
    final Object peekValue() {
        return value;
    }

    final Throwable failure() {
        return failure;
    }

    // ---- Task API ---------------------------------------------------------------------------------------------------

    /** Tasks completed from outside finish cancelled at once. */
    @Override
    public boolean cancel() {
        if (status == DONE) {
            return false;
        }
        finishCancelled(name() + " was cancelled");
        return true;
    }

    @Override
    public boolean isDone() {
        return status == DONE;
    }

    @Override
    public boolean isCancelled() {
        return status == DONE && failure instanceof CancellationException;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T result() {
        if (status != DONE) {
            throw new IllegalStateException("result is not set: " + this + " is not done");
        }
        return (T) valueOrThrow();
    }

    @Override
    public Throwable exception() {
        if (status != DONE) {
            throw new IllegalStateException("exception is not set: " + this + " is not done");
        }
        markRetrieved();
        if (failure instanceof CancellationException) {
            throw (CancellationException) failure;
        }
        return failure;
    }

    @Override
    public String name() {
        String n = name;
        if (n == null) {
            n = "Task-" + NAMES.incrementAndGet();
            name = n;
        }
        return n;
    }

    /** Renames the task. */
    public void setName(String name) {
        this.name = name;
    }

    @Override
    public void addDoneCallback(Consumer<? super Task<T>> callback) {
        if (status == DONE) {
            callbackLoop().callSoon(() -> callback.accept(this));
        } else {
            addWaiter(callback);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (status == DONE) {
            markRetrieved();
            if (failure != null) {
                future.completeExceptionally(failure);
            } else {
                future.complete((T) value);
            }
        } else {
            addWaiter((Consumer<Task<T>>) t -> {
                AbstractTask<T> task = (AbstractTask<T>) t;
                task.markRetrieved();
                if (task.failure != null) {
                    future.completeExceptionally(task.failure);
                } else {
                    future.complete((T) task.value);
                }
            });
        }
        return future;
    }

    /** What the task runs, for messages. */
    String describe() {
        return getClass().getSimpleName();
    }

    @Override
    public String toString() {
        String state;
        switch (status) {
            case NEW: state = "not started"; break;
            case SCHEDULED: state = "scheduled"; break;
            case STARTED: state = "pending"; break;
            default:
                state = failure == null ? "done" : failure instanceof CancellationException ? "cancelled"
                        : "failed with " + failure;
        }
        return name() + " <" + describe() + "> " + state;
    }
}
