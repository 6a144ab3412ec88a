package dev.weft.internal;

/**
 * The task of {@code Weft.sleep}: completes a fixed time after it starts. With no delay it completes in the next loop
 * iteration, so awaiting it yields once. The task is its own timer: it sits in the loop's {@link TimerHeap} and runs
 * when due.
 *
 * <p>A sleep made by {@link #awaitedAtOnce} is one the weaver saw passed straight to {@code await}, so no code can
 * hold it: the awaiting coroutine waits in the timer heap itself ({@code Coroutine.sleepHere}) and this object is
 * garbage at once. A suspended sleeper then costs its coroutine and 16 bytes of heap entry, nothing more.
 */
public final class Sleep<T> extends AbstractTask<T> implements Runnable {
    private final long nanos;
    /** What the sleep completes with: asyncio's {@code sleep(delay, result)}; null for a plain sleep. */
    private final T result;
    /** Made by {@link #awaitedAtOnce}: no code but the awaiting coroutine ever sees it. */
    final boolean awaitedAtOnce;

    private Sleep(long nanos, T result, boolean awaitedAtOnce) {
        this.nanos = nanos;
        this.result = result;
        this.awaitedAtOnce = awaitedAtOnce;
    }

    /** {@code Weft.sleep}: a task that anyone may hold, await or cancel, completing with {@code result}. */
    public Sleep(long nanos, T result) {
        this(nanos, result, false);
    }

    /**
     * ABI: what the weaver calls instead of {@code Weft.sleep(long)} when the result goes straight into {@code await}.
     * Typed as {@code Task}, the type of the call it replaces, so the frames around it stay as javac wrote them.
     *
     * @param millis as {@code Weft.sleep(long)}
     */
    public static dev.weft.Task<Void> awaitedAtOnce(long millis) {
        return new Sleep<Void>(nanosOf(millis), null, true);
    }

    /** ABI: as {@link #awaitedAtOnce(long)}, for {@code Weft.sleep(Duration)}. */
    public static dev.weft.Task<Void> awaitedAtOnce(java.time.Duration delay) {
        return new Sleep<Void>(nanosOf(delay), null, true);
    }

    /** A sleep of {@code millis} in nanoseconds; refuses a negative time. */
    public static long nanosOf(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("sleep time must not be negative: " + millis + " ms");
        }
        return Math.multiplyExact(millis, 1_000_000L);
    }

    /** A sleep of {@code delay} in nanoseconds; refuses a negative time. */
    public static long nanosOf(java.time.Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("sleep time must not be negative: " + delay);
        }
        return delay.toNanos();
    }

    long nanos() {
        return nanos;
    }

    @Override
    void start(Loop loop) {
        super.start(loop);
        if (nanos == 0) {
            loop.enqueue(this);
        } else {
            loop.addTimer(nanos, this);
        }
    }

    /** The timer fired. */
    @Override
    public void run() {
        finish(result, null, null);
    }

    /** Cancelled while it sleeps: out of the heap (or the ready queue's reach: a done task ignores its run). */
    @Override
    AbstractTask<?> withdraw(Throwable cause) {
        loop.removeTimer(this);
        finishCancelled(cause, "sleep was cancelled");
        return null;
    }

    @Override
    protected String describe() {
        return "sleep " + (nanos / 1_000_000) + " ms";
    }
}
