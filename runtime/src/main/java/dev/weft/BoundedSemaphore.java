package dev.weft;

/**
 * asyncio's {@code BoundedSemaphore}: a {@link Semaphore} that refuses to be released above its initial value.
 */
public final class BoundedSemaphore extends Semaphore {
    private final int bound;

    public BoundedSemaphore(int value) {
        super(value);
        this.bound = value;
    }

    /** @throws IllegalStateException if this would raise the value above the initial one */
    @Override
    void checkRelease(int value, boolean noWaiters) {
        if (noWaiters && value >= bound) {
            throw new IllegalStateException("BoundedSemaphore released too many times (bound " + bound + ")");
        }
    }
}
