package dev.weft.internal;

import dev.weft.TimerHandle;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Timers ordered by deadline, then by the order they were added: a binary min-heap over parallel arrays.
 *
 * <p>Implementation overview. An entry is one of two things, each of which is also what runs when it is due:
 * a {@link Timer} (the handle of {@code callLater}), or a task that is its own timer and a {@link Runnable} (a sleep,
 * or a coroutine suspended in a {@code sleep} it awaits directly). The heap knows no kind of task: only
 * {@link AbstractTask#timerIndex}, and that the task runs. Deadlines and insertion numbers live in the
 * heap's own {@code long[]} and {@code int[]}, not in the entries, so comparing two entries touches no other object
 * and an entry costs the heap 16 bytes. Each entry knows its index ({@code Timer.index} or
 * {@code AbstractTask.timerIndex}), so removal is O(log n) and a cancelled timer holds no memory here.
 *
 * <p>Insertion numbers are ints compared by subtraction: two timers with the same deadline keep their order as long as
 * fewer than 2^31 timers are added between them. Confined to the loop thread.
 */
final class TimerHeap {
    private Object[] entries = new Object[16];
    private long[] deadlines = new long[16];
    private int[] seqs = new int[16];
    private int size;
    private int sequence;
    private final Loop loop;

    TimerHeap(Loop loop) {
        this.loop = loop;
    }

    /** The handle of a {@code callLater} callback. */
    final class Timer implements TimerHandle {
        final long deadline;
        final Runnable action;
        int index = -1;
        boolean cancelled;

        Timer(long deadline, Runnable action) {
            this.deadline = deadline;
            this.action = action;
        }

        @Override
        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                if (index >= 0) {
                    removeAt(index);
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

    /** Schedules {@code action} at {@code deadline}; cancel it through the handle. */
    Timer add(long deadline, Runnable action) {
        Timer t = new Timer(deadline, action);
        insert(t, deadline);
        return t;
    }

    /** Schedules a task that is a {@link Runnable} to run at {@code deadline}; it must not be in the heap. */
    void add(AbstractTask<?> task, long deadline) {
        insert(task, deadline);
    }

    /** Takes {@code task} out of the heap if it is in it. */
    void remove(AbstractTask<?> task) {
        if (task.timerIndex >= 0) {
            removeAt(task.timerIndex);
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The earliest deadline, or {@link Long#MAX_VALUE} when there is no timer. */
    long nextDeadline() {
        return size == 0 ? Long.MAX_VALUE : deadlines[0];
    }

    /** Moves what is due at {@code now} to {@code ready}, in deadline order. */
    void pollDue(long now, ArrayDeque<Runnable> ready) {
        while (size > 0 && deadlines[0] - now <= 0) {
            Object e = entries[0];
            removeAt(0);
            ready.add(e instanceof Timer ? ((Timer) e).action : (Runnable) e);
        }
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            setIndex(entries[i], -1);
            entries[i] = null;
        }
        size = 0;
    }

    private void insert(Object entry, long deadline) {
        if (size == entries.length) {
            int capacity = size * 2;
            entries = Arrays.copyOf(entries, capacity);
            deadlines = Arrays.copyOf(deadlines, capacity);
            seqs = Arrays.copyOf(seqs, capacity);
        }
        int i = size++;
        place(i, entry, deadline, sequence++);
        siftUp(i);
    }

    private void removeAt(int i) {
        setIndex(entries[i], -1);
        int last = --size;
        if (i != last) {
            place(i, entries[last], deadlines[last], seqs[last]);
            entries[last] = null;
            siftDown(i);
            siftUp(i);
        } else {
            entries[last] = null;
        }
    }

    /** Entry a sorts before entry b. */
    private boolean less(int a, int b) {
        long d = deadlines[a] - deadlines[b];
        return d < 0 || (d == 0 && seqs[a] - seqs[b] < 0);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(i, parent)) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && less(right, child)) {
                child = right;
            }
            if (!less(child, i)) {
                break;
            }
            swap(i, child);
            i = child;
        }
    }

    private void swap(int a, int b) {
        Object e = entries[a];
        long d = deadlines[a];
        int s = seqs[a];
        place(a, entries[b], deadlines[b], seqs[b]);
        place(b, e, d, s);
    }

    private void place(int i, Object entry, long deadline, int seq) {
        entries[i] = entry;
        deadlines[i] = deadline;
        seqs[i] = seq;
        setIndex(entry, i);
    }

    private static void setIndex(Object entry, int i) {
        if (entry instanceof Timer) {
            ((Timer) entry).index = i;
        } else {
            ((AbstractTask<?>) entry).timerIndex = i;
        }
    }
}
