package dev.weft;

import dev.weft.internal.AbstractTask;
import dev.weft.internal.Loop;
import dev.weft.internal.Tasks;

import java.time.Duration;

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
 */
public final class Timeout implements AutoCloseable {
    private final AbstractTask<?> owner;
    private final Loop loop;
    private final AsyncTimeoutException error;
    private TimerHandle timer;
    private boolean expired;
    private boolean closed;

    private Timeout(AbstractTask<?> owner, Loop loop, Duration delay) {
        this.owner = owner;
        this.loop = loop;
        this.error = new AsyncTimeoutException("timed out after " + delay.toMillis() + " ms");
        this.timer = loop.callLater(delay.toNanos(), this::expire);
    }

    /** Opens a scope for the running {@link Async} method; see {@link Weft#timeout(Duration)}. */
    static Timeout open(Duration delay) {
        AbstractTask<?> current = Loop.currentTaskOrNull();
        if (current == null || !Tasks.isCoroutine(current)) {
            throw new IllegalStateException("timeout(...) must be used inside an @Async method");
        }
        return new Timeout(current, Loop.running(), delay);
    }

    private void expire() {
        timer = null;
        if (!closed) {
            expired = true;
            owner.cancel(error);
        }
    }

    /** Moves the deadline to {@code delay} from now. */
    public void reschedule(Duration delay) {
        if (closed || expired) {
            throw new IllegalStateException("the timeout scope is " + (closed ? "closed" : "expired"));
        }
        timer.cancel();
        timer = loop.callLater(delay.toNanos(), this::expire);
    }

    /** @return true if the deadline passed inside the block */
    public boolean expired() {
        return expired;
    }

    /** Leaves the scope: the deadline no longer applies. */
    @Override
    public void close() {
        closed = true;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
