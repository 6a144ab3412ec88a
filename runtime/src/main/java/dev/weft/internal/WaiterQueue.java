package dev.weft.internal;

/**
 * The tasks waiting on a primitive, first come first served: a doubly linked list threaded through the waiting
 * {@link LoopFuture}s themselves, so adding, taking the first and taking out any one (a cancelled waiter) are all
 * O(1) and allocate nothing.
 *
 * <p>Invariants: a future is in at most one queue; its {@code queue} field names that queue exactly while it is in
 * it, and its {@code prev}/{@code next} links are null whenever it is in none. {@link LoopFuture#withdraw} relies on
 * this to take a cancelled future out of whichever queue holds it, even one {@link #takeAll} made. Loop thread only.
 *
 * @param <F> the kind of future waiting
 */
public final class WaiterQueue<F extends LoopFuture<?>> {
    private LoopFuture<?> head;
    private LoopFuture<?> tail;
    private int size;

    /** Appends {@code f}, which must be in no queue. */
    public void add(F f) {
        if (f.queue != null) {
            throw new IllegalStateException(f + " already waits in a queue");
        }
        f.queue = this;
        f.prev = tail;
        if (tail == null) {
            head = f;
        } else {
            tail.next = f;
        }
        tail = f;
        size++;
    }

    /** Takes out and returns the first waiter, or null. */
    @SuppressWarnings("unchecked")
    public F poll() {
        LoopFuture<?> f = head;
        if (f != null) {
            remove(f);
        }
        return (F) f;
    }

    /** Takes {@code f} out; it must be in this queue. */
    void remove(LoopFuture<?> f) {
        LoopFuture<?> p = f.prev;
        LoopFuture<?> n = f.next;
        if (p == null) {
            head = n;
        } else {
            p.next = n;
        }
        if (n == null) {
            tail = p;
        } else {
            n.prev = p;
        }
        f.prev = null;
        f.next = null;
        f.queue = null;
        size--;
    }

    /**
     * Moves every waiter, in order, into a new queue and returns it: for waking all those waiting now, while tasks
     * woken meanwhile may wait here again and a cancelled one still leaves the right queue.
     */
    public WaiterQueue<F> takeAll() {
        WaiterQueue<F> all = new WaiterQueue<>();
        for (LoopFuture<?> f = head; f != null; f = f.next) {
            f.queue = all;
        }
        all.head = head;
        all.tail = tail;
        all.size = size;
        head = null;
        tail = null;
        size = 0;
        return all;
    }

    public boolean isEmpty() {
        return head == null;
    }

    public int size() {
        return size;
    }
}
