package dev.weft;

import java.util.ArrayDeque;

/** asyncio's {@code LifoQueue}: a {@link Queue} that gives the item put last first. */
public final class LifoQueue<T> extends Queue<T> {

    public LifoQueue() {
        this(0);
    }

    public LifoQueue(int maxsize) {
        super(maxsize, new Lifo<>());
    }

    private static final class Lifo<T> implements Store<T> {
        private final ArrayDeque<T> items = new ArrayDeque<>();

        @Override
        public void add(T item) {
            items.addLast(item);
        }

        @Override
        public T take() {
            return items.pollLast();
        }

        @Override
        public void giveBack(T item) {
            items.addLast(item);
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public void clear() {
            items.clear();
        }
    }
}
