package dev.weft;

import dev.weft.internal.AbstractTask;
import dev.weft.internal.DoneTask;
import dev.weft.internal.Loop;
import dev.weft.internal.LoopFuture;
import dev.weft.internal.WaiterQueue;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * asyncio's {@code Condition}: tasks wait, holding a {@link Lock}, until another task signals them.
 *
 * <p>Names: asyncio's {@code wait()}, {@code notify(n)} and {@code notify_all()} would clash with methods of
 * {@link Object}, so they are {@link #waitSignal()}, {@link #signal(int)} and {@link #signalAll()}, as in
 * {@link java.util.concurrent.locks.Condition}.
 *
 * <pre>{@code
 * await(condition.acquire());
 * try {
 *     await(condition.waitUntil(() -> !items.isEmpty()));
 *     ... // the lock is held again here
 * } finally {
 *     condition.release();
 * }
 * }</pre>
 *
 * <p>{@link #waitSignal()} releases the lock, waits for a signal, and takes the lock back before it completes, even
 * when it is cancelled (as asyncio does), so a {@code finally} that releases the lock is always right. Signals wake
 * waiting tasks in the order they started waiting; a task cancelled after its signal reached it, before it could take
 * the lock back, passes the signal on to the next waiting task, so no signal is lost. Loop thread only.
 */
public final class Condition {
    private final Lock lock;
    private final WaiterQueue<SignalWait> waiters = new WaiterQueue<>();

    public Condition() {
        this(new Lock());
    }

    public Condition(Lock lock) {
        this.lock = lock;
    }

    public Task<Void> acquire() {
        return lock.acquire();
    }

    public void release() {
        lock.release();
    }

    public boolean isLocked() {
        return lock.isLocked();
    }

    /**
     * Releases the lock and returns a task done with true once this task has been signalled and holds the lock again.
     *
     * @throws IllegalStateException if the lock is not held
     */
    public Task<Boolean> waitSignal() {
        SignalWait w = enqueueWait(null);
        lock.release();
        return w;
    }

    /** Queues a wait for a signal, which runs {@code then} once done (or null); the caller then releases the lock. */
    private SignalWait enqueueWait(Runnable then) {
        if (!lock.isLocked()) {
            throw new IllegalStateException("waitSignal() needs the lock: await(condition.acquire()) first");
        }
        SignalWait w = new SignalWait(then);
        waiters.add(w);
        return w;
    }

    /**
     * Waits for signals until {@code predicate} is true, checking it first and after each signal, always with the
     * lock held; returns a task done with true.
     */
    public Task<Boolean> waitUntil(BooleanSupplier predicate) {
        if (predicate.getAsBoolean()) {
            return DoneTask.TRUE;
        }
        return new PredicateWait<>(() -> predicate.getAsBoolean());
    }

    /**
     * asyncio's {@code wait_for(predicate)}: waits for signals until {@code predicate} gives a value that is neither
     * null nor {@code false}, checking it first and after each signal with the lock held; returns a task done with
     * that value. An exception of the predicate fails the task (the lock held again).
     */
    public <T> Task<T> waitFor(Supplier<T> predicate) {
        T value = predicate.get();
        if (holds(value)) {
            return new DoneTask<>(value);
        }
        return new PredicateWait<>(predicate);
    }

    /** asyncio's truth of a predicate's value, for the values a Java predicate gives. */
    private static boolean holds(Object value) {
        return value != null && !Boolean.FALSE.equals(value);
    }

    /** Wakes the first waiting task. */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes up to {@code n} waiting tasks; each completes once it holds the lock again.
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void signal(int n) {
        if (!lock.isLocked()) {
            throw new IllegalStateException("signal() needs the lock");
        }
        for (int i = 0; i < n && !waiters.isEmpty(); i++) {
            waiters.poll().signalled();
        }
    }

    /** Wakes every waiting task. */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    /**
     * One waitSignal(): waiting for a signal, then for the lock. Signalled (or cancelled), it asks for the lock in the
     * next loop iteration, where asyncio's woken waiter would run and call {@code acquire()}, not at once: the
     * signalling task still holds the lock, and waiters that queued on it now would take it one iteration apart
     * instead of passing it along within one, as asyncio's {@code notify_all} lets them.
     */
    private final class SignalWait extends LoopFuture<Boolean> {
        private final Loop loop;
        /** What waits on this wait inside the condition (a waitUntil checking its predicate), or null. */
        private final Runnable then;
        /** Out of the signal queue: taking the lock back (asking soon, or queued for it). */
        private boolean reacquiring;
        private boolean signalled;
        private boolean cancelled;

        SignalWait(Runnable then) {
            this(Loop.running(), then);
        }

        private SignalWait(Loop loop, Runnable then) {
            super(loop);
            this.loop = loop;
            this.then = then;
        }

        /** A signal reached it: take the lock back. */
        void signalled() {
            signalled = true;
            reacquireSoon();
        }

        private void reacquireSoon() {
            reacquiring = true;
            loop.callSoon(this::askForLock);
        }

        private void askForLock() {
            Task<Void> acquired = lock.acquire();
            if (acquired.isDone()) {
                holdsLock();
            } else {
                acquired.addDoneCallback(t -> holdsLock());
            }
        }

        private void holdsLock() {
            if (cancelled) {
                if (signalled && !waiters.isEmpty()) {
                    // Signalled, then cancelled before it could act: the signal goes to the next waiter, as in
                    // asyncio, instead of being lost. The lock is held here, as signal() requires.
                    waiters.poll().signalled();
                }
                completeCancelled("Condition.waitSignal was cancelled");
            } else {
                complete(true);
            }
            if (then != null) {
                then.run();
            }
        }

        /** Cancelled (and out of the signal queue): complete only once the lock is held again. */
        @Override
        protected boolean stopWaiting() {
            cancelled = true;
            if (!reacquiring) {
                reacquireSoon();
            }
            return false;
        }

        @Override
        protected String describe() {
            return "Condition.waitSignal";
        }
    }

    /** waitFor() and waitUntil(): waitSignal() again until the predicate holds. */
    private final class PredicateWait<T> extends LoopFuture<T> {
        private final Supplier<T> predicate;
        private SignalWait current;

        PredicateWait(Supplier<T> predicate) {
            super(Loop.running());
            this.predicate = predicate;
            next();
        }

        private void next() {
            // The wait is current before the lock goes: releasing it may run the next holder at once, which may
            // cancel this, and must then find the wait that still has to take the lock back.
            current = enqueueWait(this::waitDone);
            lock.release();
        }

        /** The current wait is done, the lock held again (in the same callback: no iteration lost). */
        private void waitDone() {
            if (isDone()) {
                return;
            }
            if (current.isCancelled()) {
                completeFrom(current);
                return;
            }
            T value;
            try {
                value = predicate.get();
            } catch (Throwable failure) {
                fail(failure);
                return;
            }
            if (holds(value)) {
                complete(value);
            } else {
                next();
            }
        }

        /**
         * Cancelled while waiting: the current wait takes the lock back, then this completes cancelled. Cancelled
         * once the current wait is done (the lock held again, the predicate not checked yet): complete cancelled now,
         * holding the lock, so that the pending check does not wait again and release the lock.
         */
        @Override
        protected boolean stopWaiting() {
            if (!current.isDone()) {
                current.cancel();   // its end completes this one, with the lock held again
                return false;
            }
            return true;
        }

        @Override
        protected String describe() {
            return "Condition.waitUntil";
        }
    }
}
