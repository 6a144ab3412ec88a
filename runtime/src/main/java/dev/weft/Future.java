package dev.weft;

import dev.weft.internal.Loop;
import dev.weft.internal.LoopFuture;
import dev.weft.internal.Tasks;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * asyncio's {@code Future}: a task with no code of its own, completed by whoever holds it. Made by
 * {@link EventLoop#createFuture()}; completed once, by {@link #setResult}, {@link #setException} or {@link #cancel()}.
 *
 * <pre>{@code
 * Future<String> reply = EventLoop.current().createFuture();
 * pending.put(requestId, reply);          // a callback completes it later: reply.setResult(line)
 * String line = await(reply);             // suspends until then
 * }</pre>
 *
 * <p>Awaiting it suspends the awaiting task until it is done; cancelling that task while it waits cancels the future
 * too, as asyncio does (wrap it in {@link Weft#shield(Task)} to keep it). Done callbacks run in the loop iteration
 * after completion, in the order they were added, and receive this future.
 *
 * <p><b>Threads.</b> A future belongs to the thread of its loop: complete it from that loop's tasks and callbacks.
 * From another thread, use {@link EventLoop#callSoonThreadsafe(Runnable)}, or await a {@link CompletableFuture}
 * instead, which Weft resumes on the loop thread. A call from the wrong thread while the loop runs is refused.
 *
 * @param <T> the type of the result
 */
public final class Future<T> extends Task<T> {
    static {
        Tasks.setFutureState(f -> ((Future<?>) f).state);
    }

    /** The task behind the future: what awaiting, cancelling and combinators work on. */
    private final LoopFuture<T> state;
    private final Loop loop;

    Future(Loop loop) {
        this.loop = loop;
        this.state = LoopFuture.on(loop, "Future");
    }

    /**
     * Completes the future with {@code value}, and wakes what awaits it: asyncio's {@code set_result}.
     *
     * @throws IllegalStateException if the future is done (asyncio's {@code InvalidStateError}), or if called from a
     *                               thread other than the running loop's
     */
    public void setResult(T value) {
        checkPending("setResult");
        state.complete(value);
    }

    /**
     * Completes the future with {@code failure}, which awaiting it then throws unchanged: asyncio's
     * {@code set_exception}.
     *
     * @throws IllegalArgumentException if {@code failure} is a {@link CancellationException}: use {@link #cancel()}
     * @throws IllegalStateException    if the future is done, or if called from a thread other than the loop's
     */
    public void setException(Throwable failure) {
        if (failure == null) {
            throw new NullPointerException("setException(null): give the exception the future fails with");
        }
        if (failure instanceof CancellationException) {
            throw new IllegalArgumentException("a future is cancelled with cancel(), not setException("
                    + failure.getClass().getName() + ")");
        }
        checkPending("setException");
        state.fail(failure);
    }

    private void checkPending(String what) {
        loop.checkThread("Future." + what);
        if (state.isDone()) {
            throw new IllegalStateException("invalid state: " + what + " on a future that is already "
                    + (state.isCancelled() ? "cancelled" : "done") + ": " + this);
        }
    }

    /**
     * Cancels the future if it is pending: what awaits it throws {@link CancellationException}.
     *
     * @return false if it was already done
     */
    @Override
    public boolean cancel() {
        loop.checkThread("Future.cancel");
        return state.cancel();
    }

    /** As {@link #cancel()}; the cancellation carries {@code message}. */
    @Override
    public boolean cancel(String message) {
        loop.checkThread("Future.cancel");
        return state.cancel(message);
    }

    @Override
    public boolean isDone() {
        return state.isDone();
    }

    @Override
    public boolean isCancelled() {
        return state.isCancelled();
    }

    @Override
    public T result() {
        return state.result();
    }

    @Override
    public Throwable exception() {
        return state.exception();
    }

    @Override
    public String name() {
        return state.name();
    }

    @Override
    public void setName(String name) {
        state.setName(name);
    }

    /** Runs {@code callback} with this future in the loop iteration after it is done (soon, if it is done already). */
    @Override
    public void addDoneCallback(Consumer<? super Task<T>> callback) {
        state.addDoneCallback(done -> callback.accept(this));
    }

    @Override
    public CompletableFuture<T> toCompletableFuture() {
        return state.toCompletableFuture();
    }

    @Override
    public String toString() {
        return state.toString();
    }
}
