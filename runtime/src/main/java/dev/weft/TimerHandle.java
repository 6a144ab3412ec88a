package dev.weft;

/**
 * A callback scheduled by {@link EventLoop#callLater}: asyncio's {@code TimerHandle}. Loop thread only.
 */
public interface TimerHandle {

    /** Cancels the callback if it has not run yet; harmless otherwise. */
    void cancel();

    /** @return true if {@link #cancel()} was called before the callback ran */
    boolean isCancelled();

    /** @return the deadline on the loop's clock, in seconds, as {@link EventLoop#time()} */
    double when();
}
