package dev.weft;

/** asyncio's {@code LifoQueue}: a {@link Queue} that gives the item put last first. */
public final class LifoQueue<T> extends Queue<T> {

    public LifoQueue() {
        this(0);
    }

    public LifoQueue(int maxsize) {
        super(maxsize, new DequeStore<>(true));
    }
}
