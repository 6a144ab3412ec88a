package dev.weft;

import java.util.Comparator;

/**
 * asyncio's {@code PriorityQueue}: a {@link Queue} that gives the smallest item first, by natural order or by a
 * comparator. Items that compare equal come out in the order they were put.
 */
public final class PriorityQueue<T> extends Queue<T> {

    /** Unbounded, natural order (items must be {@link Comparable}). */
    public PriorityQueue() {
        this(0);
    }

    /** Natural order (items must be {@link Comparable}). */
    @SuppressWarnings("unchecked")
    public PriorityQueue(int maxsize) {
        this(maxsize, (a, b) -> ((Comparable<? super T>) a).compareTo(b));
    }

    public PriorityQueue(int maxsize, Comparator<? super T> order) {
        super(maxsize, new Heap<>(order));
    }

    private static final class Heap<T> implements Store<T> {
        private final java.util.PriorityQueue<Entry<T>> items;
        private long sequence;

        Heap(Comparator<? super T> order) {
            Comparator<Entry<T>> byItem = (a, b) -> order.compare(a.item, b.item);
            items = new java.util.PriorityQueue<>(byItem.thenComparingLong(e -> e.sequence));
        }

        @Override
        public void add(T item) {
            items.add(new Entry<>(item, sequence++));
        }

        @Override
        public T take() {
            return items.poll().item;
        }

        @Override
        public void giveBack(T item) {
            items.add(new Entry<>(item, Long.MIN_VALUE + sequence++));
        }

        @Override
        public boolean removeAdded(T item) {
            Entry<T> newest = null;
            for (Entry<T> e : items) {
                if (e.item == item && (newest == null || e.sequence > newest.sequence)) {
                    newest = e;
                }
            }
            return newest != null && items.remove(newest);
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

    private static final class Entry<T> {
        final T item;
        final long sequence;

        Entry(T item, long sequence) {
            this.item = item;
            this.sequence = sequence;
        }
    }
}
