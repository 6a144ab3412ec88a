package dev.weft.internal;

import java.util.concurrent.CancellationException;

/**
 * The task of one call of a woven {@code @Async} method, and the ABI its woven code calls.
 *
 * <p>Implementation overview. The weaver splits an {@code @Async} method in two: the original method, which now only
 * creates a {@code Coroutine} holding its arguments, and a static synthetic <em>body</em> that runs the original code
 * from a numbered resume point ({@link #state()}). At each {@code await} the body calls {@link #tryAwait}: a done
 * awaitable gives its value at once; otherwise the body saves the values it still needs with the {@code spill*}
 * methods, records where to resume with {@link #suspend}, and returns {@link #SUSPEND}. When the awaited task
 * completes, the loop calls {@link #run()}, the body jumps to the resume point, reloads its values with the
 * {@code restore*} methods and takes the outcome from {@link #resumeValue()}.
 *
 * <p>Awaiting a coroutine that has not started runs it at once inside the awaiting one ({@link #startInline}); the
 * child remembers its {@code inlineParent}. When such a child later completes in {@link #run()}, the parent continues
 * in the same loop iteration: {@code run()} is a trampoline that steps the child, then the parent, then its parent,
 * without growing the Java stack, as a chain of Python {@code await}s resumes in one step. Starting is recursive (the
 * child's body runs inside the parent's {@code tryAwait}) up to {@link #MAX_INLINE_DEPTH} nested starts; past that
 * the parent suspends and the trampoline starts the child next ({@code Loop.deferredStart}), which runs the same code
 * in the same order with a flat stack.
 *
 * <p>Invariants: all state is confined to the loop thread. {@code awaiting} is non-null exactly while the body is
 * suspended. Spill slots hold only values live across the current suspension; reference slots are cleared as they are
 * restored, so a suspended task keeps nothing dead reachable.
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

    /** Returned by a body that ended in {@code return done(v)}: v is in {@code outcome} ({@link #returnValue}). */
    public static final Object RETURNED = new Object() {
        @Override
        public String toString() {
            return "RETURNED";
        }
    };

    /** What a coroutine sleeping in the timer heap itself ({@link #sleepHere}) awaits: done, with no value. */
    private static final AbstractTask<Void> SLEEPING = new DoneTask<>(null);

    /** Bits of {@code flags}, beside those of {@link AbstractTask}. */
    private static final byte RUNNING = 4;
    private static final byte CANCEL_REQUESTED = 8;
    /** The body returned a task that was not done: the coroutine completes with that task's outcome. */
    private static final byte RETURNING = 16;

    /**
     * How many coroutines may be started inline one inside the other on the Java stack. Deeper, a child is started by
     * the trampoline in {@link #run()} instead, so recursion of any depth never overflows the stack.
     */
    static final int MAX_INLINE_DEPTH = 64;

    private static final Object[] NO_REFS = {};
    private static final long[] NO_PRIMS = {};

    private final WovenMethod woven;
    private int state;
    private Object[] refs;
    private long[] prims;
    private AbstractTask<?> awaiting;
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
            Loop.created(this);
        }
    }

    /*
     * The inherited {@code outcome} field carries, at different times, what would otherwise be three fields of every
     * coroutine (the uses never overlap):
     *   - before the first step, in debug mode: the Diagnostics.CreationRecord of where the coroutine was made;
     *   - while suspended: the cause a timeout scope's cancel(Throwable) wants thrown at the pending await;
     *   - in the step whose body ended in `return done(v)`: v, until complete() takes it;
     *   - once done: the value or the failure.
     */

    /** In debug mode: remembers where this coroutine was made, until it first runs. */
    void recordCreation(Diagnostics.CreationRecord record) {
        outcome = record;
    }

    /** The cause a pending cancel(Throwable) asked for, or null. */
    private Throwable cancelCause() {
        Object o = outcome;
        return status != DONE && o instanceof Throwable ? (Throwable) o : null;
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
        if ((flags & CANCEL_REQUESTED) != 0) {
            flags &= ~CANCEL_REQUESTED;
            throw cancellation();
        }
        AbstractTask<?> task = AbstractTask.of(awaitable);
        if (task instanceof Sleep && ((Sleep) task).awaitedAtOnce) {
            return sleepHere(((Sleep) task).nanos());
        }
        if (task.status == NEW) {
            Loop l = loop;
            if (task instanceof Coroutine && l.inlineDepth >= MAX_INLINE_DEPTH) {
                // Too deep to recurse: suspend, and let run() start the child right after us, in the same step.
                Coroutine<?> child = (Coroutine<?>) task;
                child.adopt(this);
                l.deferredStart = child;
                awaiting = child;
                return SUSPEND;
            }
            l.inlineDepth++;
            try {
                task.startInline(this);
            } finally {
                l.inlineDepth--;
            }
        }
        if (task.status == DONE) {
            return task.valueOrThrow();
        }
        awaiting = task;
        if (!(task instanceof Coroutine) || ((Coroutine<?>) task).inlineParent != this) {
            task.addWaiter(this);
        }
        return SUSPEND;
    }

    /**
     * Awaits a sleep that no other code can see: this coroutine waits in the timer heap itself, so the sleep task is
     * never kept. Behaves as awaiting {@code Weft.sleep}: zero yields once, cancelling ends the wait at once.
     */
    private Object sleepHere(long nanos) {
        awaiting = SLEEPING;
        if (nanos == 0) {
            loop.callSoon(this);
        } else {
            loop.addTimer(nanos, this);
        }
        return SUSPEND;
    }

    /**
     * ABI: what the body calls for {@code return done(value)}: keeps {@code value} and returns {@link #RETURNED}, so
     * no done task is made just to be taken apart.
     */
    public Object returnValue(Object value) {
        outcome = value;
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
            if (task == SLEEPING) {
                throw cancelCause() != null ? cancellation() : new CancellationException("sleep was cancelled");
            }
            if (task.status == DONE && !task.hasFailed()) {
                task.abandoned();   // e.g. a lock granted to us while we were being cancelled: pass it on
            }
            throw cancellation();
        }
        if (cancelCause() != null && task.wasCancelled()) {
            throw cancellation();
        }
        return task.valueOrThrow();
    }

    /** The exception a cancelled await throws: the cause given to {@link #cancel(Throwable)}, or a cancellation. */
    private RuntimeException cancellation() {
        Throwable cause = cancelCause();
        if (cause != null) {
            outcome = null;
        }
        if (cause != null) {
            return Throwables.sneaky(cause);
        }
        return new CancellationException(name() + " was cancelled");
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
     * arrays held only the arguments, so a suspended task need not keep them.
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
        this.loop = loop;
        status = SCHEDULED;
        loop.register(this);
        loop.callSoon(this);
    }

    @Override
    void startInline(Coroutine<?> parent) {
        adopt(parent);
        run();
    }

    /** Makes this coroutine, not started yet, part of {@code parent}: parent resumes as soon as it completes. */
    private void adopt(Coroutine<?> parent) {
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
        if (outcome instanceof Diagnostics.CreationRecord) {
            ((Diagnostics.CreationRecord) outcome).started = true;
            outcome = null;
        }
        status = STARTED;
        Loop l = loop;
        AbstractTask<?> outer = l.currentTask;
        l.currentTask = this;
        flags |= RUNNING;
        Object result;
        try {
            result = (flags & RETURNING) != 0 ? resumeValue() : woven.body.resume(this);
        } catch (Throwable failure) {
            return complete(null, failure);
        } finally {
            flags &= ~RUNNING;
            l.currentTask = outer;
        }
        if (result == SUSPEND) {
            return l.takeDeferredStart();
        }
        if (result == RETURNED) {
            return complete(outcome, null);
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
        Object value;
        try {
            value = tryAwait(returned);
        } catch (Throwable failure) {
            return complete(null, failure);
        }
        return value == SUSPEND ? loop.takeDeferredStart() : complete(value, null);
    }

    private Coroutine<?> complete(Object value, Throwable failure) {
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
    }

    /**
     * Cancels as {@link #cancel()}, but the pending await throws {@code cause} instead of a
     * {@link CancellationException}, once what it awaits has finished cancelling.
     */
    public boolean cancel(Throwable cause) {
        if (status == DONE) {
            return false;
        }
        outcome = cause;
        return cancel();
    }

    @Override
    public boolean cancel() {
        if (status == DONE) {
            return false;
        }
        if (status == NEW || status == SCHEDULED) {
            finishCancelled(name() + " was cancelled before it started");
            return true;
        }
        if ((flags & RUNNING) != 0) {
            flags |= CANCEL_REQUESTED;
            return true;
        }
        if (timerIndex >= 0) {
            // Sleeping in the timer heap (sleepHere): the sleep ends cancelled now, as a cancelled sleep task would.
            loop.removeTimer(this);
            flags |= CANCEL_REQUESTED;
            loop.wake(this);
            return true;
        }
        AbstractTask<?> task = awaiting;
        if (task != null && task.status != DONE && task.cancel()) {
            return true;
        }
        // What we await is done (we are already scheduled to resume) or refused: resume with the cancellation.
        flags |= CANCEL_REQUESTED;
        if (task != null && task.status != DONE) {
            task.removeWaiter(this);
            loop.callSoon(this);
        }
        return true;
    }

    /** For messages: the woven method this coroutine runs. */
    public String method() {
        return woven.name;
    }

    @Override
    String describe() {
        return woven.name;
    }
}
