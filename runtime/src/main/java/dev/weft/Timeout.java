package dev.weft;

import dev.weft.internal.AbstractTask;
import dev.weft.internal.Loop;
import dev.weft.internal.Tasks;

import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * asyncio's {@code timeout()} scope, as a try-with-resources block inside an {@link Async} method:
 *
 * <pre>{@code
 * try (Timeout t = timeout(Duration.ofSeconds(2))) {
 *     String page = await(fetch(url));
 * } catch (AsyncTimeoutException e) {
 *     ...
 * }
 * }</pre>
 *
 * <p>If the deadline passes while the task is suspended inside the block, what it awaits is cancelled and, once that
 * has finished cancelling, the pending await throws {@link AsyncTimeoutException} (asyncio raises
 * {@code CancelledError} inside and turns it into {@code TimeoutError} at the end of the block; Java's
 * try-with-resources cannot replace an exception on the way out, so the timeout exception is thrown at the await).
 * Leaving the block cancels the deadline. Loop thread only.
 *
 * <p>Nested scopes that expire together (the same deadline): each reports {@link #expired()}, and the await throws
 * the outer scope's exception, which passes through the inner block (in asyncio the inner block sees a
 * {@code CancelledError} and the outer one raises {@code TimeoutError}). A cancellation from outside the scope that
 * is pending when the deadline passes goes on as a {@link CancellationException}: the scope does not turn it into a
 * timeout. The scope counts its cancellation in the task's {@link Task#cancelling()} and takes it back on leaving.
 */
public final class Timeout implements AutoCloseable {
    private final AbstractTask<?> owner;
    private final Loop loop;
    /** The owner's {@code cancelling()} when the scope began: more at expiry means a cancellation from outside. */
    private final int requestsAtEntry;
    /** The deadline in loop seconds ({@link EventLoop#time()}), or NaN for none. */
    private double when;
    private TimerHandle timer;
    private boolean expired;
    private boolean closed;

    private Timeout(AbstractTask<?> owner, Loop loop, double when) {
        this.owner = owner;
        this.loop = loop;
        this.requestsAtEntry = owner.cancelling();
        arm(when);
    }

    /** Opens a scope for the running {@link Async} method; see {@link Weft#timeout(Duration)}. */
    static Timeout open(Duration delay) {
        Loop running = Loop.running();
        return new Timeout(owner(), running, delay == null ? Double.NaN : deadline(running, delay));
    }

    /** Opens a scope ending at the loop time {@code when}; see {@link Weft#timeoutAt(double)}. */
    static Timeout openAt(double when) {
        return new Timeout(owner(), Loop.running(), when);
    }

    private static AbstractTask<?> owner() {
        AbstractTask<?> current = Loop.currentTaskOrNull();
        if (current == null || !Tasks.isCoroutine(current)) {
            throw new IllegalStateException("timeout(...) must be used inside an @Async method");
        }
        return current;
    }

    private static double deadline(Loop loop, Duration delay) {
        return loop.time() + delay.toNanos() / 1e9;
    }

    /**
     * Sets the deadline. One already due expires the scope through the ready queue, as asyncio's {@code call_soon}
     * does, so it comes before the wake-up of an await the block makes next ({@code sleep(0)} included).
     */
    private void arm(double deadline) {
        when = deadline;
        if (Double.isNaN(deadline)) {
            timer = null;
        } else if (deadline <= loop.time()) {
            DueNow due = new DueNow();
            timer = due;
            loop.callSoon(due);
        } else {
            timer = loop.callAt(deadline, this::expire);
        }
    }

    /** The handle of a deadline already due: expiry is queued, and cancelling the handle stops it. */
    private final class DueNow implements TimerHandle, Runnable {
        private boolean cancelled;

        @Override
        public void run() {
            if (!cancelled) {
                expire();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public double when() {
            return when;
        }
    }

    private void expire() {
        timer = null;
        if (!closed) {
            expired = true;
            owner.cancelForScope(new AsyncTimeoutException("the timeout scope's deadline passed (loop time "
                    + when + " s)", new CancellationException(owner.name() + " was cancelled by its timeout")),
                    requestsAtEntry);
        }
    }

    /**
     * Moves the deadline to {@code delay} from now; {@code null} removes it (asyncio's {@code reschedule(None)}).
     *
     * @throws IllegalStateException if the scope is closed or has expired
     */
    public void reschedule(Duration delay) {
        rescheduleAt(delay == null ? Double.NaN : deadline(loop, delay));
    }

    /**
     * Moves the deadline to the loop time {@code when} (seconds, as {@link EventLoop#time()}): asyncio's
     * {@code reschedule(when)}. A time already past expires the scope in the next iteration; NaN removes the deadline.
     *
     * @throws IllegalStateException if the scope is closed or has expired
     */
    public void rescheduleAt(double when) {
        if (closed || expired) {
            throw new IllegalStateException("the timeout scope is " + (expired ? "expired" : "closed")
                    + ": a deadline can only be moved inside the block, before it passes");
        }
        if (timer != null) {
            timer.cancel();
        }
        arm(when);
    }

    /** @return the deadline in loop seconds ({@link EventLoop#time()}), or null if the scope has none */
    public Double when() {
        return Double.isNaN(when) ? null : when;
    }

    /** @return true if the deadline passed inside the block */
    public boolean expired() {
        return expired;
    }

    /**
     * Leaves the scope: the deadline no longer applies. If it expired, the cancellation it made is taken back
     * ({@link Task#uncancel()}), so {@code cancelling()} is as it was when the scope began.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (expired) {
            owner.uncancel();
        }
    }
}
