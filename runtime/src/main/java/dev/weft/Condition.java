package dev.weft;

import dev.weft.internal.AbstractTask;
import dev.weft.internal.DoneTask;
import dev.weft.internal.Loop;
import dev.weft.internal.LoopFuture;
import dev.weft.internal.WaiterQueue;

import java.util.function.BooleanSupplier;

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
        SignalWait w = enqueueWait();
        lock.release();
        return w;
    }

    /** Queues a wait for a signal; the caller then releases the lock. */
    private SignalWait enqueueWait() {
        if (!lock.isLocked()) {
            throw new IllegalStateException("waitSignal() needs the lock: await(condition.acquire()) first");
        }
        SignalWait w = new SignalWait();
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
        return new PredicateWait(predicate);
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
            waiters.poll().reacquire(false);
        }
    }

    /** Wakes every waiting task. */
    public void signalAll() {
        signal(Integer.MAX_VALUE);
    }

    /** One waitSignal(): waiting for a signal, then for the lock. */
    private final class SignalWait extends LoopFuture<Boolean> {
        private boolean reacquiring;
        private boolean cancelled;

        SignalWait() {
            super(Loop.running());
        }

        void reacquire(boolean becauseCancelled) {
            reacquiring = true;
            cancelled |= becauseCancelled;
            boolean signalled = !becauseCancelled;
            Task<Void> acquired = lock.acquire();
            acquired.addDoneCallback(t -> {
                if (cancelled) {
                    if (signalled && !waiters.isEmpty()) {
                        // Signalled, then cancelled before it could act: the signal goes to the next waiter, as in
                        // asyncio, instead of being lost. The lock is held here, as signal() requires.
                        waiters.poll().reacquire(false);
                    }
                    completeCancelled("Condition.waitSignal was cancelled");
                } else {
                    complete(true);
                }
            });
        }

        /** Cancelled (and out of the signal queue): complete only once the lock is held again. */
        @Override
        protected boolean stopWaiting() {
            if (reacquiring) {
                cancelled = true;
            } else {
                reacquire(true);
            }
            return false;
        }

        @Override
        protected String describe() {
            return "Condition.waitSignal";
        }
    }

    /** waitUntil(): waitSignal() again until the predicate holds. */
    private final class PredicateWait extends LoopFuture<Boolean> {
        private final BooleanSupplier predicate;
        private Task<Boolean> current;

        PredicateWait(BooleanSupplier predicate) {
            super(Loop.running());
            this.predicate = predicate;
            next();
        }

        private void next() {
            // The wait is current before the lock goes: releasing it may run the next holder at once, which may
            // cancel this, and must then find the wait that still has to take the lock back.
            current = enqueueWait();
            lock.release();
            current.addDoneCallback(t -> {
                if (isDone()) {
                    return;
                }
                if (t.isCancelled() || t.exception() != null) {
                    completeFrom((AbstractTask<?>) t);
                } else if (predicate.getAsBoolean()) {
                    complete(true);
                } else {
                    next();
                }
            });
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
