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
 * volatile or atomic except the name counter, which is shared by all loops. Fields are packed (flag bits in one byte,
 * value and failure in one field, indexes instead of set entries) because a million suspended tasks is a use case: the
 * task objects are most of Weft's memory per suspended task.
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

    /** Flag bits of {@link #flags}. The coroutine's own bits live in {@code Coroutine}. */
    static final byte FAILED = 1;
    static final byte RETRIEVED = 2;

    byte status;
    /** {@link #FAILED}, {@link #RETRIEVED}, and the subclass's bits: one byte instead of a boolean field each. */
    byte flags;
    /** Where the task sits in its loop's registry (tasks started by createTask), or -1. */
    int registryIndex = -1;
    /** Where the task sits in its loop's {@link TimerHeap}, or -1. */
    int timerIndex = -1;
    /** Once done, the value, or the failure when {@link #FAILED}; a subclass may use it before that. */
    Object outcome;
    /**
     * Before completion: null, one waiter (a Coroutine, a Listener or a Consumer), or an ArrayList of them. After a
     * failure no one has retrieved yet: its {@link Diagnostics.FailureRecord}. Sharing the field keeps every task one
     * reference smaller, and the two uses never overlap: nothing registers as a waiter on a done task.
     */
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
        if (failure != null) {
            flags |= FAILED;
            outcome = failure;
        } else {
            outcome = value;
        }
        Loop l = loop;
        if (l != null && registryIndex >= 0) {
            l.unregister(this);
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
        // After the waiters ran: one that took the failure at once (a coroutine resumed inline) leaves no report.
        if (failure != null && l != null && (flags & RETRIEVED) == 0 && !(failure instanceof CancellationException)) {
            waiters = l.diagnostics.failed(this, failure);
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
            if (loop.isClosed()) {
                throw new IllegalStateException("the event loop of " + this + " is closed: "
                        + "a done callback added now could never run");
            }
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
        finish(done.value(), done.failure(), null);
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
        flags |= RETRIEVED;
        if (status == DONE && waiters instanceof Diagnostics.FailureRecord) {
            Diagnostics.FailureRecord record = (Diagnostics.FailureRecord) waiters;
            waiters = null;
            record.retrieved();
        }
    }

    final boolean hasFailed() {
        return status == DONE && (flags & FAILED) != 0;
    }

    final boolean wasCancelled() {
        return hasFailed() && outcome instanceof CancellationException;
    }

    /**
     * Returns the value, or throws the failure unchanged and marks it retrieved. The task must be done. A value needs
     * no mark (only failures are reported), so the await of a done task writes nothing: shared done tasks such as
     * {@code done()}'s are awaited from every loop thread, and a write there would bounce their cache line.
     */
    public final Object valueOrThrow() {
        if ((flags & FAILED) != 0) {
            markRetrieved();
            throw Throwables.sneaky((Throwable) outcome);
        }
        return outcome;
    }

    /** The value of a task done with a value, without marking it retrieved. */
    final Object peekValue() {
        return value();
    }

    /** The value of a done task, or null if it failed. */
    private Object value() {
        return (flags & FAILED) != 0 ? null : outcome;
    }

    /** The failure of a done task, or null. */
    final Throwable failure() {
        return (flags & FAILED) != 0 ? (Throwable) outcome : null;
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
        return wasCancelled();
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
        Throwable failure = failure();
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
            if (hasFailed()) {
                future.completeExceptionally(failure());
            } else {
                future.complete((T) outcome);
            }
        } else {
            addWaiter((Consumer<Task<T>>) t -> {
                AbstractTask<T> task = (AbstractTask<T>) t;
                task.markRetrieved();
                if (task.hasFailed()) {
                    future.completeExceptionally(task.failure());
                } else {
                    future.complete((T) task.outcome);
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
                state = !hasFailed() ? "done" : wasCancelled() ? "cancelled" : "failed with " + outcome;
        }
        return name() + " <" + describe() + "> " + state;
    }
}
