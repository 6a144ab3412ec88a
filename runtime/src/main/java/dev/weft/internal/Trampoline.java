package dev.weft.internal;

/**
 * The coroutine trampoline's state for one loop: which task's code runs, how deep inline starts are nested on the
 * Java stack, and the start the trampoline owes. Kept apart from the scheduler ({@link Loop}), which only asks
 * {@link #inTask()} to decide whether a woken coroutine may run at once.
 *
 * <p>Confined to the loop thread; every field is plain.
 */
final class Trampoline {
    /**
     * How many coroutines may be started inline one inside the other on the Java stack. Deeper, a child is started by
     * the trampoline in {@code Coroutine.run()} instead, so recursion of any depth never overflows the stack.
     */
    static final int MAX_INLINE_DEPTH = 64;

    /** The task whose code is running, or null in a plain callback. */
    AbstractTask<?> current;
    /** Coroutines started inline, one inside the other, on the Java stack right now. */
    int inlineDepth;
    /** A coroutine the running one awaited too deep to start inline: the trampoline starts it next. */
    private Coroutine<?> deferredStart;
    /** The value of {@code return done(v)}, from the body's {@code returnValue} to the end of the same step. */
    Object returned;
    /**
     * What {@code cancelBecause(cause)} (a timeout scope, a task group, a message) asked a coroutine's pending await
     * to throw, by coroutine; a
     * coroutine has an entry exactly while it carries {@code TaskState.CANCEL_CAUSED}. Rare, so kept here rather than
     * in a field of every coroutine.
     */
    private final java.util.IdentityHashMap<Coroutine<?>, Throwable> cancelCauses = new java.util.IdentityHashMap<>();

    void setCancelCause(Coroutine<?> c, Throwable cause) {
        cancelCauses.put(c, cause);
    }

    /** The cause given for {@code c}, left in place. */
    Throwable peekCancelCause(Coroutine<?> c) {
        return cancelCauses.get(c);
    }

    /** The cause given for {@code c}, taken out. */
    Throwable takeCancelCause(Coroutine<?> c) {
        return cancelCauses.remove(c);
    }

    /** Whether a task's code is on the stack: a coroutine woken now must be queued, not run inside it. */
    boolean inTask() {
        return current != null;
    }

    void deferStart(Coroutine<?> child) {
        deferredStart = child;
    }

    /** The coroutine to start next in this step, or null; clears it. */
    Coroutine<?> takeDeferredStart() {
        Coroutine<?> next = deferredStart;
        deferredStart = null;
        return next;
    }
}
