package dev.weft.internal;

import java.util.concurrent.CancellationException;

import static dev.weft.internal.TaskState.*;

/**
 * The task of one call of a woven {@code @Async} method, and the ABI its woven code calls.
 *
 * <p>Implementation overview. The weaver splits an {@code @Async} method in two: the original method, which now only
 * creates a {@code Coroutine} holding its arguments, and a synthetic <em>body</em> ({@link CoroutineBody}) that runs
 * the original code from a numbered resume point ({@link #state()}). At each {@code await} the body calls
 * {@link #tryAwait}: a done awaitable gives its value at once; otherwise the body saves the values it still needs with
 * the {@code spill*} methods, records where to resume with {@link #suspend}, and returns {@link #SUSPEND}. When the
 * awaited task completes, the loop calls {@link #run()}, the body jumps to the resume point, reloads its values with
 * the {@code restore*} methods and takes the outcome from {@link #resumeValue()}.
 *
 * <p>Awaiting a coroutine that has not started runs it at once inside the awaiting one ({@link #startInline}); the
 * child remembers its {@code inlineParent}. When such a child later completes in {@link #run()}, the parent continues
 * in the same loop iteration: {@code run()} is a trampoline that steps the child, then the parent, then its parent,
 * without growing the Java stack, as a chain of Python {@code await}s resumes in one step. Starting is recursive (the
 * child's body runs inside the parent's {@code tryAwait}) up to {@link Trampoline#MAX_INLINE_DEPTH} nested starts; past that
 * the parent suspends and the trampoline starts the child next ({@link Trampoline}), which runs the same code in the
 * same order with a flat stack.
 *
 * <p>Cancellation ({@link #withdraw}): a coroutine suspended on a task that can still be cancelled names that task, and
 * {@code cancel} cancels it in turn; its outcome, a cancellation, then resumes this one, as asyncio's
 * {@code Task.cancel} cancels the future the task waits on. A coroutine that is running, sleeping in the timer heap
 * itself, or already woken by what it awaits is marked {@code CANCEL_REQUESTED} and throws at its pending or next
 * await. Woken by a task that completed with a value, it hands that value back ({@link AbstractTask#handBack}), so a
 * lock, permit or item granted just before the cancellation goes on to the next taker.
 *
 * <p>Invariants: all state is confined to the loop thread. {@code awaiting} is non-null exactly while the body is
 * suspended. Spill slots hold only values live across the current suspension; reference slots are cleared as they are
 * restored, so a suspended task keeps nothing dead reachable. The one exception is the receiver of an instance body
 * ({@link WovenMethod#hasReceiver}), which stays in reference slot 0 until the coroutine completes.
 *
 * @param <T> the type of the result
 */
public final class Coroutine<T> extends AbstractTask<T> implements Runnable {

    /** Returned by a body that suspended, and by {@link #tryAwait} when the caller must suspend. */
    public static final Object SUSPEND = new Object() {
        @Override
        public String toString() {
            return "SUSPEND";
        }
    };

    /** Returned by a body that ended in {@code return done(v)}: v is in the trampoline ({@link #returnValue}). */
    public static final Object RETURNED = new Object() {
        @Override
        public String toString() {
            return "RETURNED";
        }
    };

    /** What a coroutine sleeping in the timer heap itself ({@link #sleepHere}) awaits: done, with no value. */
    private static final AbstractTask<Void> SLEEPING = new DoneTask<>(null);

    private static final Object[] NO_REFS = {};
    private static final long[] NO_PRIMS = {};

    private final WovenMethod woven;
    /** The resume point: 0 before the first step, then the number of the await the body left at. */
    private int state;
    /** Spill slots: the values live across the current suspension (and the arguments before the first step). */
    private Object[] refs;
    private long[] prims;
    /** What the suspended body awaits: a task, {@link #SLEEPING}, or null while running or not yet started. */
    private AbstractTask<?> awaiting;
    /** The coroutine that started this one inline and resumes in the same step when it completes, or null. */
    private Coroutine<?> inlineParent;

    /**
     * Creates the task of one call. ABI: called by the woven original method, which then spills its arguments.
     *
     * @param woven what the woven method's calls share: body, name, spill slot counts
     */
    public Coroutine(WovenMethod woven) {
        this.woven = woven;
        this.refs = woven.refSlots == 0 ? NO_REFS : new Object[woven.refSlots];
        this.prims = woven.primSlots == 0 ? NO_PRIMS : new long[woven.primSlots];
        if (Diagnostics.anyDebug) {
            Diagnostics.created(this);
        }
    }

    // ---- ABI: resume dispatch -------------------------------------------------------------------------------------

    /** The resume point the body continues from: 0 on the first run, then the number of the await it left at. */
    public int state() {
        return state;
    }

    /** Thrown by a body asked to resume at a point it does not have: a corrupted coroutine. */
    public IllegalStateException badState() {
        return new IllegalStateException(woven.name + " has no resume point " + state);
    }

    // ---- ABI: await -----------------------------------------------------------------------------------------------

    /**
     * Called by the body at an await. Returns the awaitable's value if it is done (after starting it inline if it had
     * not started), throws its failure unchanged, or returns {@link #SUSPEND} after registering this coroutine to be
     * woken when it is done.
     */
    public Object tryAwait(Object awaitable) {
        if ((flags & CANCEL_OWED) != 0) {
            throw takeOwedCancellation();
        }
        AbstractTask<?> task = AbstractTask.of(awaitable);
        if (task instanceof Sleep && ((Sleep<?>) task).awaitedAtOnce) {
            return sleepHere(((Sleep<?>) task).nanos());
        }
        if (task.status == NEW) {
            if (!startAwaited(task)) {
                return SUSPEND;
            }
        } else if (task.loop != loop && task.loop != null) {
            task = CrossLoopAwait.of(task, loop);
        }
        if (task.status == DONE) {
            return take(task);
        }
        if (task == this) {
            throw new IllegalStateException(name() + " cannot await itself: it would wait for ever");
        }
        awaiting = task;
        if (!(task instanceof Coroutine) || ((Coroutine<?>) task).inlineParent != this) {
            task.addWaiter(this);
        }
        if ((flags & CANCEL_REQUESTED) != 0) {
            passCancellationTo(task);
        }
        return SUSPEND;
    }

    /**
     * A cancellation requested while this coroutine ran reaches it as it suspends on {@code task}, as asyncio's task
     * cancels the future it next blocks on: {@code task} is cancelled (a message going with it), and its outcome
     * resumes this one. An await of something done does not suspend and so does not take the request; a request still
     * pending when the body returns ends the task cancelled ({@link #complete}).
     */
    private void passCancellationTo(AbstractTask<?> task) {
        flags &= ~CANCEL_REQUESTED;
        Throwable cause = (flags & CANCEL_CAUSED) != 0 ? loop.trampoline.peekCancelCause(this) : null;
        task.cancelBecause(cause instanceof CancellationException
                ? new CancellationException(cause.getMessage()) : null);
    }

    /** The cancellation an await must throw because a grant could not be handed back; clears it. */
    private RuntimeException takeOwedCancellation() {
        flags &= ~CANCEL_OWED;
        return Throwables.sneaky(cancellation(null));
    }

    /**
     * Starts {@code task}, new, because this coroutine awaits it: inline, on the Java stack, up to the depth limit;
     * deeper, the trampoline starts it right after this one suspends. Returns false in that second case.
     */
    private boolean startAwaited(AbstractTask<?> task) {
        Trampoline trampoline = loop.trampoline;
        if (task instanceof Coroutine && trampoline.inlineDepth >= Trampoline.MAX_INLINE_DEPTH) {
            Coroutine<?> child = (Coroutine<?>) task;
            child.adopt(this);
            trampoline.deferStart(child);
            awaiting = child;
            return false;
        }
        trampoline.inlineDepth++;
        try {
            task.startInline(this);
        } finally {
            trampoline.inlineDepth--;
        }
        return true;
    }

    /**
     * Awaits a sleep that no other code can see: this coroutine waits in the timer heap itself, so the sleep task is
     * never kept. Behaves as awaiting {@code Weft.sleep}: zero yields once, cancelling ends the wait at once.
     */
    private Object sleepHere(long nanos) {
        awaiting = SLEEPING;
        if (nanos == 0 || (flags & CANCEL_REQUESTED) != 0) {   // cancelled: the sleep ends in the next iteration
            loop.enqueue(this);
        } else {
            loop.addTimer(nanos, this);
        }
        return SUSPEND;
    }

    /**
     * ABI: what the body calls for {@code return done(value)}: keeps {@code value} for the rest of the step and returns
     * {@link #RETURNED}, so no done task is made just to be taken apart.
     */
    public Object returnValue(Object value) {
        loop.trampoline.returned = value;
        return RETURNED;
    }

    /** Records the resume point after the body spilled its values; returns {@link #SUSPEND} for the body to return. */
    public Object suspend(int resumePoint) {
        state = resumePoint;
        return SUSPEND;
    }

    /** Called by the body after restoring its values: the awaited outcome, or its failure thrown unchanged. */
    public Object resumeValue() {
        AbstractTask<?> task = awaiting;
        awaiting = null;
        if ((flags & CANCEL_REQUESTED) != 0) {
            flags &= ~CANCEL_REQUESTED;
            if (task == SLEEPING || !task.hasValue() || task.handBack()) {
                throw Throwables.sneaky(cancellation(task == SLEEPING ? "sleep was cancelled" : null));
            }
            // The grant could not be handed back (it was used already): the await succeeds, the cancellation is owed.
            flags |= CANCEL_OWED;
            return task.valueOrThrow();
        }
        if ((flags & CANCEL_CAUSED) != 0) {
            Throwable cause = takeCancelCause();
            if (task.wasCancelled()) {
                // What we awaited finished cancelling because of cancel(cause): throw the cause in its place.
                task.markRetrieved();
                throw Throwables.sneaky(cause);
            }
        }
        return take(task);
    }

    /** The value of {@code task}, done; a cancellation it still owes (see CANCEL_OWED) becomes this one's. */
    private Object take(AbstractTask<?> task) {
        if ((task.flags & (FAILED | CANCEL_OWED)) == 0) {
            return task.outcome;   // the common case: a value, nothing owed
        }
        Object value = task.valueOrThrow();
        flags |= CANCEL_OWED;      // not failed, so it owes
        return value;
    }

    /**
     * The exception a cancelled await throws, or a cancelled body ends with: the cause given to
     * {@code cancelBecause(cause)} (taken out), or a new cancellation.
     */
    private Throwable cancellation(String why) {
        if ((flags & CANCEL_CAUSED) != 0) {
            return takeCancelCause();
        }
        return new CancellationException(why != null ? why : name() + " was cancelled");
    }

    // ---- ABI: spill slots -----------------------------------------------------------------------------------------

    public void spillInt(int value, int slot) {
        prims[slot] = value;
    }

    public void spillLong(long value, int slot) {
        prims[slot] = value;
    }

    public void spillFloat(float value, int slot) {
        prims[slot] = Float.floatToRawIntBits(value);
    }

    public void spillDouble(double value, int slot) {
        prims[slot] = Double.doubleToRawLongBits(value);
    }

    public void spillRef(Object value, int slot) {
        refs[slot] = value;
    }

    public int restoreInt(int slot) {
        return (int) prims[slot];
    }

    public long restoreLong(int slot) {
        return prims[slot];
    }

    public float restoreFloat(int slot) {
        return Float.intBitsToFloat((int) prims[slot]);
    }

    public double restoreDouble(int slot) {
        return Double.longBitsToDouble(prims[slot]);
    }

    /**
     * ABI: called by a body once it has restored its arguments, when no await of the method saves anything: the spill
     * arrays held only the arguments, so a suspended task need not keep them. Never called by an instance body, whose
     * receiver stays in slot 0.
     */
    public void releaseSpillSlots() {
        refs = NO_REFS;
        prims = NO_PRIMS;
    }

    /** Returns the reference in {@code slot} and clears the slot. */
    public Object restoreRef(int slot) {
        Object[] r = refs;
        Object value = r[slot];
        r[slot] = null;
        return value;
    }

    // ---- running --------------------------------------------------------------------------------------------------

    @Override
    void schedule(Loop loop) {
        TaskContexts.inherit(loop, this);
        this.loop = loop;
        status = SCHEDULED;
        loop.register(this);
        loop.enqueue(this);
    }

    /**
     * Schedules this new coroutine and runs its first step now, on the caller's stack, as asyncio's eager tasks start:
     * it runs until its first suspension (or to its end) before this returns, then goes on as a scheduled task. Falls
     * back to a plain schedule when the loop is not running on this thread, or past the inline depth limit.
     */
    @Override
    void scheduleEagerly(Loop loop) {
        Trampoline trampoline = loop.trampoline;
        if (Loop.runningOrNull() != loop || trampoline.inlineDepth >= Trampoline.MAX_INLINE_DEPTH) {
            schedule(loop);
            return;
        }
        TaskContexts.inherit(loop, this);
        this.loop = loop;
        status = SCHEDULED;
        loop.register(this);
        trampoline.inlineDepth++;
        try {
            run();
        } finally {
            trampoline.inlineDepth--;
        }
    }

    @Override
    void startInline(Coroutine<?> parent) {
        adopt(parent);
        run();
    }

    /** Makes this coroutine, not started yet, part of {@code parent}: parent resumes as soon as it completes. */
    private void adopt(Coroutine<?> parent) {
        if (Diagnostics.anyDebug) {
            Diagnostics.started(this);
        }
        loop = parent.loop;
        inlineParent = parent;
        status = STARTED;
    }

    /** Runs this coroutine until it suspends or completes, then each inline parent that was waiting for it. */
    @Override
    public void run() {
        Coroutine<?> next = this;
        do {
            next = next.step();
        } while (next != null);
    }

    /** Runs the body once; returns the inline parent to continue, or null. */
    private Coroutine<?> step() {
        if (status == DONE) {
            return null;
        }
        if (status != STARTED && Diagnostics.anyDebug) {
            Diagnostics.started(this);
        }
        status = STARTED;
        Trampoline trampoline = loop.trampoline;
        AbstractTask<?> outer = trampoline.current;
        trampoline.current = this;
        flags |= RUNNING;
        Object result;
        try {
            result = (flags & RETURNING) != 0 ? resumeValue()
                    : woven.body.resume(woven.hasReceiver ? refs[0] : null, this);
        } catch (Throwable failure) {
            return complete(null, failure);
        } finally {
            flags &= ~RUNNING;
            trampoline.current = outer;
        }
        if (result == SUSPEND) {
            return trampoline.takeDeferredStart();
        }
        if (result == RETURNED) {
            Object value = trampoline.returned;
            trampoline.returned = null;
            return complete(value, null);
        }
        if ((flags & RETURNING) != 0) {
            return complete(result, null);
        }
        return completeFromReturned(result);
    }

    /** The body returned {@code returned} (the Task of its {@code return} statement): complete with its outcome. */
    private Coroutine<?> completeFromReturned(Object returned) {
        if (returned == null) {
            return complete(null, new NullPointerException(woven.name
                    + " returned null instead of a Task: end an @Async method with 'return done(value)'"));
        }
        flags |= RETURNING;
        // Not an await of the user's: a cancellation owed by an earlier grant stays owed, for whoever takes the value.
        byte owed = (byte) (flags & CANCEL_OWED);
        flags &= ~CANCEL_OWED;
        Object value;
        try {
            value = tryAwait(returned);
        } catch (Throwable failure) {
            return complete(null, failure);
        } finally {
            flags |= owed;
        }
        return value == SUSPEND ? loop.trampoline.takeDeferredStart() : complete(value, null);
    }

    /**
     * Completes with the body's outcome; a cancellation requested while the body ran and never delivered at an await
     * wins over a value, as asyncio's task that cancels itself and then returns ends cancelled. A cancellation owed
     * because a grant stood does not: the value stands too, and the bit stays, for the awaiter to take over.
     */
    private Coroutine<?> complete(Object value, Throwable failure) {
        if (failure == null && (flags & CANCEL_REQUESTED) != 0) {
            flags &= ~CANCEL_REQUESTED;
            failure = cancellation(null);
        }
        Coroutine<?> parent = inlineParent;
        Coroutine<?> continued = parent != null && parent.awaiting == this ? parent : null;
        inlineParent = null;
        finish(value, failure, continued);
        return continued;
    }

    @Override
    void released() {
        refs = NO_REFS;
        prims = NO_PRIMS;
        Loop l = loop;
        if (l != null && l.contexts != null) {
            TaskContexts.drop(l, this);
        }
        if ((flags & CANCEL_CAUSED) != 0 || Diagnostics.anyDebug) {
            releaseRare();
        }
    }

    /** What a done coroutine rarely has to drop: a cancel cause no await took, a debug creation record. */
    private void releaseRare() {
        if ((flags & CANCEL_CAUSED) != 0) {
            takeCancelCause();
        }
        if (Diagnostics.anyDebug) {
            Diagnostics.started(this);   // done without running (cancelled first): never report it as not awaited
        }
    }

    /**
     * A cancellation reached this coroutine while it is pending. Suspended on a task that is not done: that task is
     * cancelled next, and its outcome resumes this one. Otherwise (running, sleeping in the timer heap itself, or
     * already woken) the cancellation is thrown at the pending or next await.
     */
    @Override
    AbstractTask<?> withdraw(Throwable cause) {
        keepCause(cause);
        AbstractTask<?> task = awaiting;
        if ((flags & RUNNING) != 0 || task == null) {
            flags |= CANCEL_REQUESTED;
            return null;
        }
        if (task == SLEEPING) {
            flags |= CANCEL_REQUESTED;
            if (timerIndex >= 0) {         // still in the heap: wake now; a fired timer has queued us already
                loop.removeTimer(this);
                loop.enqueue(this);
            }
            return null;
        }
        if (task.status == DONE) {
            flags |= CANCEL_REQUESTED;     // woken already: resumeValue throws, handing back what it was given
            return null;
        }
        return task;
    }

    /**
     * Which cause the pending cancellation throws. A scope's cause (a timeout's, a task group's) is kept only if no
     * other is pending: of two scopes expiring together, the first to fire (the outer one, for equal deadlines) wins.
     * A plain cancellation, or one with a message, is the caller's own and wins over a scope's, which it replaces.
     */
    private void keepCause(Throwable cause) {
        boolean pending = (flags & CANCEL_CAUSED) != 0;
        if (cause == null || cause instanceof CancellationException) {
            if (pending) {
                takeCancelCause();
            }
            if (cause == null) {
                return;
            }
        } else if (pending) {
            return;
        }
        flags |= CANCEL_CAUSED;
        loop.trampoline.setCancelCause(this, cause);
    }

    /** Every cancellation request was taken back ({@code uncancel}): one not delivered yet is dropped. */
    @Override
    void cancellationWithdrawn() {
        flags &= ~CANCEL_REQUESTED;
        if ((flags & CANCEL_CAUSED) != 0) {
            takeCancelCause();
        }
    }

    /** The cause of the pending cancellation, taken out; clears {@code CANCEL_CAUSED}. */
    private Throwable takeCancelCause() {
        flags &= ~CANCEL_CAUSED;
        return loop.trampoline.takeCancelCause(this);
    }

    /** A coroutine's value grants nothing, unless it came with a grant that could not be handed back. */
    @Override
    boolean handBack() {
        return (flags & CANCEL_OWED) == 0;
    }

    /** For messages: the woven method this coroutine runs. */
    public String method() {
        return woven.name;
    }

    /** The coroutine that started this one inline and continues when it completes, or null. */
    Coroutine<?> inlineParent() {
        return inlineParent;
    }

    /** For messages: what the suspended body awaits, or null. */
    AbstractTask<?> awaiting() {
        return awaiting;
    }

    /** For messages: the resume point the body is suspended at (the number of its await), or 0. */
    int resumePoint() {
        return state;
    }

    @Override
    protected String describe() {
        return woven.name;
    }
}
