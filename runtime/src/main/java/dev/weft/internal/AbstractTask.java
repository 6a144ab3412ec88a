package dev.weft.internal;

import dev.weft.Task;

import java.util.ArrayList;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static dev.weft.internal.TaskState.*;

/**
 * What every Weft task shares: a lifecycle, an outcome, the parties waiting for it, and the one way to complete and
 * the one way to cancel it.
 *
 * <p>Implementation overview. The states and flags are tabled in {@link TaskState}:
 *
 * <pre>
 *            schedule                 start, startInline, first step
 *   NEW ─────────────▶ SCHEDULED ────────────────────────────▶ STARTED ────── finish ──────▶ DONE
 *    │                    │                                      │                           ▲  value | failure
 *    └── cancel ──────────┴── finish(cancelled) ─────────────────┼──────────────────────────▶│  | cancelled
 *                                                                └── cancel: withdraw ───────┘  (at once, or later)
 * </pre>
 *
 * <p><b>Who moves it.</b> The task's loop thread, only. {@code schedule} is the loop's {@code createTask}; starting is
 * the subclass's {@link #start} (a coroutine runs its body, a sleep arms a timer, a future begins its work);
 * completion is {@link #finish}, which every path to DONE goes through, once.
 *
 * <p><b>Completion.</b> {@link #finish} stores the outcome, takes the task out of its loop's registry, and then wakes
 * the waiters in the order they registered: a waiting coroutine is resumed through its loop, an internal
 * {@link Listener} runs at once, a user's done callback is queued. A failure no one has retrieved once the waiters ran
 * is recorded with the loop's {@link Diagnostics}, which reports it if the task is collected or the loop closes first.
 *
 * <p><b>Cancellation.</b> {@link #cancel()} is final: a template over two hooks. A task not started yet finishes
 * cancelled at once. A pending task is asked to {@link #withdraw}: a future leaves the queue it waits in and finishes
 * cancelled; a task that awaits another (a coroutine, {@code waitFor}, {@code gather}) marks itself and names the task
 * it awaits, which {@code cancel} then cancels in turn. The walk down a chain of awaits is a loop, not a recursion, so
 * a chain of any depth is cancelled with a flat Java stack; the chain then completes from the bottom up, each task
 * woken by the one below. Each task the walk reaches counts the request ({@code cancelRequests}, asyncio's
 * {@code cancelling()}); a message ({@code cancel(String)}) travels down as a fresh {@link CancellationException} per
 * task, and another cause ({@link #cancelBecause}: a timeout scope's, a task group's) stays with the task it was
 * given to.
 *
 * <p><b>Grants.</b> A task done with a value may hold a grant: a lock, a permit, an item. If whoever awaited it is
 * cancelled after it completed but before taking the value, the awaiter calls {@link #handBack()}: a primitive's future
 * passes the grant on (to the next waiter, to the front of the queue), and a wrapper ({@code waitFor}, {@code shield},
 * {@code gather}, ...) hands back what its children were granted. So nothing granted is ever lost to a cancellation.
 *
 * <p><b>Fields.</b> All are plain and confined to the loop thread, except the name counter, shared by all loops.
 * They are packed (state bits in two bytes, indexes instead of set entries) because a million suspended tasks is a
 * use case: the task objects are most of Weft's memory per suspended task.
 *
 * @param <T> the type of the result
 */
public abstract class AbstractTask<T> extends Task<T> {
    private static final AtomicLong NAMES = new AtomicLong();

    /** One of {@link TaskState}'s statuses. */
    byte status;
    /** {@link TaskState}'s flag bits. */
    byte flags;
    /** Cancellations requested and not taken back by {@link #uncancel()}: asyncio's {@code cancelling()}. */
    short cancelRequests;
    /** Where the task sits in its loop's registry (tasks started by createTask), or -1. */
    int registryIndex = -1;
    /** Where the task sits in its loop's {@link TimerHeap}, or -1. */
    int timerIndex = -1;
    /** Null until done; then the value, or the failure when {@link TaskState#FAILED}. */
    Object outcome;
    /** Until done: null, one waiter (a Coroutine, a Listener or a Consumer), or an ArrayList of them. Then null. */
    private Object waiters;
    private String name;
    /** The loop the task belongs to: set when it is scheduled or started, never changed after. */
    Loop loop;

    protected AbstractTask() {
    }

    /** Adapts anything {@code Weft.await} accepts to a task. */
    public static AbstractTask<?> of(Object awaitable) {
        if (awaitable instanceof AbstractTask) {
            return (AbstractTask<?>) awaitable;
        }
        if (awaitable instanceof dev.weft.Future) {
            return Tasks.stateOf(awaitable);
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

    /** Starts a task that is {@code NEW} on {@code loop} because {@code createTask} was called. */
    void schedule(Loop loop) {
        start(loop);
    }

    /** As {@link #schedule}, for an eager task: by default the same (only a coroutine has a first step to run now). */
    void scheduleEagerly(Loop loop) {
        schedule(loop);
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

    /** Starts this task on {@code loop} if it has not started: what awaiting it from a callback-driven task does. */
    final void ensureStarted(Loop loop) {
        if (status == NEW) {
            schedule(loop);
        }
    }

    // ---- completion -----------------------------------------------------------------------------------------------

    /**
     * Completes the task with {@code value}, or with {@code failure} when it is not null, and wakes its waiters except
     * {@code continued}, which the caller resumes itself. Has no effect on a task that is done. The one way to DONE.
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
        // After the waiters ran: one that took the failure at once (a coroutine resumed inline) leaves no record.
        if (failure != null && l != null && (flags & RETRIEVED) == 0 && !(failure instanceof CancellationException)) {
            flags |= FAILURE_RECORDED;
            l.diagnostics.failed(this, failure);
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
            c.loop.resume(c);
        } else if (waiter instanceof Listener) {
            ((Listener<T>) waiter).onDone.accept(this);
        } else {
            Consumer<? super Task<T>> callback = (Consumer<? super Task<T>>) waiter;
            loop.enqueue(() -> callback.accept(this));
        }
    }

    final void finishCancelled(String why) {
        finish(null, new CancellationException(why), null);
    }

    /**
     * Finishes cancelled by a cancellation that reached this task: with {@code cause} itself when it is a cancellation
     * carrying a message ({@link #cancel(String)}), otherwise with a new one saying {@code why}.
     */
    final void finishCancelled(Throwable cause, String why) {
        finish(null, cause instanceof CancellationException ? cause : new CancellationException(why), null);
    }

    /** Completes this task with the outcome of {@code done}, which must be done; marks that outcome retrieved. */
    final void finishFrom(AbstractTask<?> done) {
        done.markRetrieved();
        if ((done.flags & CANCEL_OWED) != 0 && done.hasValue()) {
            flags |= CANCEL_OWED;   // a grant that stood came with the value: so does the cancellation it owes
        }
        finish(done.value(), done.failure(), null);
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

    // ---- cancellation ---------------------------------------------------------------------------------------------

    /**
     * Cancels the task: asyncio's {@code Task.cancel()}. Not started: it finishes cancelled now. Pending: it is asked
     * to {@link #withdraw}, and so is each task down the chain of awaits it names, one after the other.
     */
    @Override
    public final boolean cancel() {
        return cancelBecause(null);
    }

    /** As {@link #cancel()}; each cancellation this causes down the chain of awaits carries {@code message}. */
    @Override
    public final boolean cancel(String message) {
        return cancelBecause(new CancellationException(message));
    }

    /**
     * As {@link #cancel()}; a coroutine reached by the cancellation throws {@code cause} at its pending await instead
     * of a {@link CancellationException}, once what it awaits has finished cancelling. A {@link CancellationException}
     * cause carries a message ({@link #cancel(String)}): the tasks further down the chain finish cancelled with a
     * cancellation of their own with that message. Any other cause (a timeout scope's, a task group's) is thrown by
     * this task alone; the tasks it awaits are cancelled plainly.
     */
    public final boolean cancelBecause(Throwable cause) {
        if (status == DONE) {
            if ((flags & FAILED) != 0) {
                markRetrieved();   // as asyncio: whoever cancels a failed task has seen to it
            }
            return false;
        }
        AbstractTask<?> next = cancelOne(cause);
        while (next != null) {
            next = next.cancelOne(cause instanceof CancellationException
                    ? new CancellationException(cause.getMessage()) : null);
        }
        return true;
    }

    /**
     * What a timeout scope (or a task group) does to the task it guards when its deadline passes: cancels it with
     * {@code cause}, unless a cancellation the scope did not make is already pending (more requests than the
     * {@code requestsAtEntry} the scope saw when it began). Then the task is only counted as cancelled once more, so
     * that the other cancellation goes on as it is, as asyncio's {@code timeout} lets an outer cancellation through.
     */
    public final void cancelForScope(Throwable cause, int requestsAtEntry) {
        if (status == DONE) {
            return;
        }
        if (cancelRequests > requestsAtEntry) {
            countCancelRequest();
        } else {
            cancelBecause(cause);
        }
    }

    /** Cancels this task alone; returns the task it awaits, which must be cancelled in turn, or null. */
    private AbstractTask<?> cancelOne(Throwable cause) {
        if (status == DONE) {
            return null;
        }
        countCancelRequest();
        if (status == STARTED) {
            return withdraw(cause);
        }
        finishCancelled(cause, name() + " was cancelled before it started");
        return null;
    }

    private void countCancelRequest() {
        if (cancelRequests < Short.MAX_VALUE) {
            cancelRequests++;
        }
    }

    /** asyncio's {@code Task.cancelling()}: the cancellations requested and not taken back by {@link #uncancel()}. */
    @Override
    public final int cancelling() {
        return cancelRequests;
    }

    /**
     * asyncio's {@code Task.uncancel()}: takes back one cancellation request; when none is left, a cancellation not yet
     * delivered is dropped. Returns the requests left.
     */
    @Override
    public final int uncancel() {
        if (cancelRequests > 0 && --cancelRequests == 0 && status != DONE) {
            cancellationWithdrawn();
        }
        return cancelRequests;
    }

    /** Hook: the last cancellation request was taken back while this task is pending: forget any not delivered. */
    void cancellationWithdrawn() {
    }

    /**
     * Hook: a cancellation reached this task while it is pending. Either finishes the task cancelled now and returns
     * null, or arranges for it to finish later and returns the task whose cancellation it waits for (which
     * {@link #cancel} cancels next) or null. Never cancels another task itself: that keeps chains off the Java stack.
     * By default the task finishes cancelled at once.
     *
     * @param cause what a cancelled coroutine throws at its await instead of a cancellation, or null
     */
    AbstractTask<?> withdraw(Throwable cause) {
        finishCancelled(cause, name() + " was cancelled");
        return null;
    }

    /**
     * Hook: this task is done with a value that whoever awaited it will never take, because it was cancelled after this
     * task completed and before it resumed. Passes on what the value grants, and returns true; or returns false,
     * having changed nothing, if the grant can no longer be handed back (a put whose item a consumer took already):
     * the awaiter then takes the value after all. By default a value grants nothing.
     */
    boolean handBack() {
        return true;
    }

    /**
     * Hands back what each of {@code tasks} that is done with a value was granted, last first (so items given back to
     * the front of a queue keep their order): what a wrapper over several tasks does. Returns whether all could be.
     */
    static boolean handBackAll(java.util.List<AbstractTask<?>> tasks) {
        boolean all = true;
        for (int i = tasks.size() - 1; i >= 0; i--) {
            AbstractTask<?> task = tasks.get(i);
            if (task.hasValue()) {
                all &= task.handBack();
            }
        }
        return all;
    }

    /** Whether this task, done, completed with a value. */
    final boolean hasValue() {
        return status == DONE && (flags & FAILED) == 0;
    }

    // ---- outcome --------------------------------------------------------------------------------------------------

    /** Someone took the outcome: a failure is no longer reported as never retrieved. */
    final void markRetrieved() {
        byte f = flags;
        flags = (byte) ((f | RETRIEVED) & ~FAILURE_RECORDED);
        if ((f & FAILURE_RECORDED) != 0) {
            loop.diagnostics.retrieved(this);
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

    /** The value of a done task, or null if it failed; marks nothing. */
    final Object value() {
        return (flags & FAILED) != 0 ? null : outcome;
    }

    /** The failure of a done task, or null. */
    final Throwable failure() {
        return (flags & FAILED) != 0 ? (Throwable) outcome : null;
    }

    // ---- Task API ---------------------------------------------------------------------------------------------------

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
    @Override
    public void setName(String name) {
        this.name = name;
    }

    @Override
    public void addDoneCallback(Consumer<? super Task<T>> callback) {
        if (status == DONE) {
            callbackLoop().callSoon(() -> callback.accept(this));
        } else {
            if (loop != null && loop.isClosed()) {
                throw closedLoop();
            }
            addWaiter(callback);
        }
    }

    private Loop callbackLoop() {
        if (loop != null) {
            if (loop.isClosed()) {
                throw closedLoop();
            }
            return loop;
        }
        Loop running = Loop.runningOrNull();
        if (running == null) {
            throw new IllegalStateException("no running event loop to run the done callback of " + this);
        }
        return running;
    }

    private IllegalStateException closedLoop() {
        return new IllegalStateException("the event loop of " + this + " is closed: "
                + "a done callback added now could never run");
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (status == DONE) {
            settle(future);
        } else {
            addWaiter((Consumer<Task<T>>) t -> ((AbstractTask<T>) t).settle(future));
        }
        return future;
    }

    @SuppressWarnings("unchecked")
    private void settle(CompletableFuture<T> future) {
        markRetrieved();
        if (hasFailed()) {
            future.completeExceptionally(failure());
        } else {
            future.complete((T) outcome);
        }
    }

    /** What the task runs, for messages. */
    protected String describe() {
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
