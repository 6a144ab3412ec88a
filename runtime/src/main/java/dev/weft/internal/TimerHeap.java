package dev.weft.internal;

import dev.weft.TimerHandle;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Timers ordered by deadline, then by the order they were added: a binary min-heap in an array.
 *
 * <p>Each timer knows its index in the heap, so cancelling removes it in O(log n) and a cancelled timer holds no
 * memory in the heap. Confined to the loop thread.
 */
final class TimerHeap {
    private Timer[] heap = new Timer[16];
    private int size;
    private long sequence;
    private final Loop loop;

    TimerHeap(Loop loop) {
        this.loop = loop;
    }

    /** A scheduled callback. */
    final class Timer implements TimerHandle {
        final long deadline;
        final long seq;
        final Runnable action;
        int index = -1;
        boolean cancelled;

        Timer(long deadline, long seq, Runnable action) {
            this.deadline = deadline;
            this.seq = seq;
            this.action = action;
        }

        @Override
        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                if (index >= 0) {
                    remove(this);
                }
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public double when() {
            return loop.seconds(deadline);
        }
    }

    Timer add(long deadline, Runnable action) {
        Timer t = new Timer(deadline, sequence++, action);
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        t.index = size;
        heap[size++] = t;
        siftUp(t.index);
        return t;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The earliest deadline, or {@link Long#MAX_VALUE} when there is no timer. */
    long nextDeadline() {
        return size == 0 ? Long.MAX_VALUE : heap[0].deadline;
    }

    /** Moves the actions of the timers due at {@code now} to {@code ready}, in deadline order. */
    void pollDue(long now, ArrayDeque<Runnable> ready) {
        while (size > 0 && heap[0].deadline - now <= 0) {
            Timer t = heap[0];
            remove(t);
            ready.add(t.action);
        }
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            heap[i].index = -1;
            heap[i] = null;
        }
        size = 0;
    }

    private void remove(Timer t) {
        int i = t.index;
        t.index = -1;
        Timer last = heap[--size];
        heap[size] = null;
        if (i != size) {
            heap[i] = last;
            last.index = i;
            siftDown(i);
            siftUp(last.index);
        }
    }

    private static boolean less(Timer a, Timer b) {
        long d = a.deadline - b.deadline;
        return d < 0 || (d == 0 && a.seq < b.seq);
    }

    private void siftUp(int i) {
        Timer t = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Timer p = heap[parent];
            if (!less(t, p)) {
                break;
            }
            heap[i] = p;
            p.index = i;
            i = parent;
        }
        heap[i] = t;
        t.index = i;
    }

    private void siftDown(int i) {
        Timer t = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            Timer c = heap[child];
            int right = child + 1;
            if (right < size && less(heap[right], c)) {
                child = right;
                c = heap[child];
            }
            if (!less(c, t)) {
                break;
            }
            heap[i] = c;
            c.index = i;
            i = child;
        }
        heap[i] = t;
        t.index = i;
    }
}
