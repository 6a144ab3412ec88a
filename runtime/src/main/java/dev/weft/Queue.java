package dev.weft;

import dev.weft.internal.DoneTask;
import dev.weft.internal.Loop;
import dev.weft.internal.LoopFuture;
import dev.weft.internal.WaiterQueue;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * asyncio's {@code Queue}: first in, first out, between tasks of one loop, with back-pressure when {@code maxsize} is
 * positive. See also {@link PriorityQueue} and {@link LifoQueue}.
 *
 * <p>{@link #put} waits while the queue is full and {@link #get} while it is empty; waiting producers and consumers are
 * served in the order they came. Cancellation-safe, through any wrapper the task awaits with ({@code waitFor},
 * {@code shield}, {@code gather}, a timeout scope, ...): a consumer cancelled while waiting takes nothing, and one
 * cancelled after an item was handed to it, before it could resume, gives the item back to the front of the queue. A
 * producer whose {@code put} ends cancelled added nothing (as in asyncio): one admitted just before its cancellation
 * takes its item back out, and the room goes to the next producer. Only if a consumer took that item first is the put
 * done for good: the producer's await then completes, and the cancellation is thrown at its next await.
 * {@link #taskDone()} and {@link #join()} count the items not yet processed. Loop thread only.
 *
 * @param <T> the type of the items
 */
public class Queue<T> {

    /** Where the items are kept: what the queue kinds differ in. */
    interface Store<T> {
        void add(T item);

        T take();

        /** Puts back an item that was taken but not delivered, where the next take finds it. */
        void giveBack(T item);

        /** Takes out {@code item} (this very object), added last of its equals, if it is still there. */
        boolean removeAdded(T item);

        int size();

        void clear();
    }

    private final int maxsize;
    private final Store<T> store;
    private final WaiterQueue<Get> getters = new WaiterQueue<>();
    private final WaiterQueue<Put> putters = new WaiterQueue<>();
    private final WaiterQueue<LoopFuture<Void>> joiners = new WaiterQueue<>();
    private int unfinished;
    private boolean shutDown;

    /** An unbounded queue. */
    public Queue() {
        this(0);
    }

    /** A queue holding at most {@code maxsize} items; unbounded if {@code maxsize} is 0 or less. */
    public Queue(int maxsize) {
        this(maxsize, new DequeStore<>(false));
    }

    Queue(int maxsize, Store<T> store) {
        this.maxsize = maxsize;
        this.store = store;
    }

    // ---- producers ------------------------------------------------------------------------------------------------

    /**
     * Returns a task done once {@code item} is in the queue: at once if there is room and no producer waits before
     * this one. Fails with {@link QueueShutDownException} if the queue is shut down.
     */
    public Task<Void> put(T item) {
        if (shutDown) {
            return DoneTask.failed(new QueueShutDownException("put into a queue that was shut down"));
        }
        if (putters.isEmpty() && !full()) {
            putNowait(item);
            return DoneTask.VOID;
        }
        Put w = new Put(item);
        putters.add(w);
        return w;
    }

    /**
     * Puts {@code item} without waiting.
     *
     * @throws QueueFullException     if the queue is full
     * @throws QueueShutDownException if the queue is shut down
     */
    public void putNowait(T item) {
        if (shutDown) {
            throw new QueueShutDownException("put into a queue that was shut down");
        }
        if (full()) {
            throw new QueueFullException("the queue is full (maxsize " + maxsize + ")");
        }
        store.add(item);
        unfinished++;
        balance();
    }

    // ---- consumers ------------------------------------------------------------------------------------------------

    /**
     * Returns a task done with the next item: at once if there is one and no consumer waits before this one. Fails
     * with {@link QueueShutDownException} if the queue is shut down and empty.
     */
    public Task<T> get() {
        if (getters.isEmpty() && store.size() > 0) {
            return new DoneTask<>(getNowait());
        }
        if (shutDown) {
            return DoneTask.failed(new QueueShutDownException("get from a queue that was shut down and is empty"));
        }
        Get w = new Get();
        getters.add(w);
        return w;
    }

    /**
     * Takes the next item without waiting.
     *
     * @throws QueueEmptyException    if the queue is empty
     * @throws QueueShutDownException if the queue is shut down and empty
     */
    public T getNowait() {
        if (store.size() == 0) {
            if (shutDown) {
                throw new QueueShutDownException("get from a queue that was shut down and is empty");
            }
            throw new QueueEmptyException("the queue is empty");
        }
        T item = store.take();
        balance();
        return item;
    }

    /** Hands items to waiting consumers and admits waiting producers while both can proceed. */
    private void balance() {
        while (true) {
            if (store.size() > 0 && !getters.isEmpty()) {
                getters.poll().complete(store.take());
            } else if (!full() && !putters.isEmpty()) {
                Put p = putters.poll();
                store.add(p.item);
                unfinished++;
                p.complete(null);
            } else {
                return;
            }
        }
    }

    // ---- processing ---------------------------------------------------------------------------------------------

    /**
     * Marks one item taken earlier as processed.
     *
     * @throws IllegalStateException if called more times than items were put
     */
    public void taskDone() {
        if (unfinished <= 0) {
            throw new IllegalStateException("taskDone() called more times than there were items");
        }
        if (--unfinished == 0) {
            releaseJoiners();
        }
    }

    /** Returns a task done once every item put has been marked processed by {@link #taskDone()}. */
    public Task<Void> join() {
        if (unfinished == 0) {
            return DoneTask.VOID;
        }
        LoopFuture<Void> w = LoopFuture.on(Loop.running(), "Queue.join");
        joiners.add(w);
        return w;
    }

    private void releaseJoiners() {
        WaiterQueue<LoopFuture<Void>> woken = joiners.takeAll();
        LoopFuture<Void> w;
        while ((w = woken.poll()) != null) {
            w.complete(null);
        }
    }

    // ---- shutting down ------------------------------------------------------------------------------------------

    /** As {@link #shutdown(boolean)} with {@code immediate} false. */
    public void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down: waiting and later producers fail with {@link QueueShutDownException}; consumers get the
     * items left and then fail the same way. With {@code immediate}, the items left are dropped (and counted as
     * processed), waiting consumers fail at once, and {@link #join()} returns.
     */
    public void shutdown(boolean immediate) {
        shutDown = true;
        if (immediate) {
            unfinished -= store.size();
            store.clear();
            if (unfinished <= 0) {
                unfinished = 0;
                releaseJoiners();
            }
        }
        WaiterQueue<Put> waitingPutters = putters.takeAll();
        Put p;
        while ((p = waitingPutters.poll()) != null) {
            p.fail(new QueueShutDownException("put into a queue that was shut down"));
        }
        if (store.size() == 0) {
            WaiterQueue<Get> waitingGetters = getters.takeAll();
            Get g;
            while ((g = waitingGetters.poll()) != null) {
                g.fail(new QueueShutDownException("get from a queue that was shut down and is empty"));
            }
        }
    }

    /** A consumer's wait for an item. */
    private final class Get extends LoopFuture<T> {
        Get() {
            super(Loop.running());
        }

        /** Its task was cancelled before it could take {@code item}: the item goes back first in line. */
        @Override
        protected boolean giveBack(T item) {
            store.giveBack(item);
            balance();
            return true;
        }

        @Override
        protected String describe() {
            return "Queue.get";
        }
    }

    /** A producer's wait for room; admitted, its item is in the store. */
    private final class Put extends LoopFuture<Void> {
        final T item;

        Put(T item) {
            super(Loop.running());
            this.item = item;
        }

        /**
         * Its task was cancelled after it was admitted, before it resumed: the item comes back out, so the put adds
         * nothing, and the room goes to the next producer. A consumer may have taken the item meanwhile: then the put
         * stands.
         */
        @Override
        protected boolean giveBack(Void granted) {
            if (!store.removeAdded(item)) {
                return false;
            }
            if (--unfinished == 0) {
                releaseJoiners();
            }
            balance();
            return true;
        }

        @Override
        protected String describe() {
            return "Queue.put";
        }
    }

    // ---- state ----------------------------------------------------------------------------------------------------

    public int qsize() {
        return store.size();
    }

    public boolean empty() {
        return store.size() == 0;
    }

    public boolean full() {
        return maxsize > 0 && store.size() >= maxsize;
    }

    public int maxsize() {
        return maxsize;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[size=" + store.size() + ", maxsize=" + maxsize + ", getters="
                + getters.size() + ", putters=" + putters.size() + ", unfinished=" + unfinished + "]";
    }

    /** Items in an {@link ArrayDeque}, taken from the front (first in, first out) or from the back (last in). */
    static final class DequeStore<T> implements Store<T> {
        private final ArrayDeque<T> items = new ArrayDeque<>();
        private final boolean lastInFirstOut;

        DequeStore(boolean lastInFirstOut) {
            this.lastInFirstOut = lastInFirstOut;
        }

        @Override
        public void add(T item) {
            items.addLast(item);
        }

        @Override
        public T take() {
            return lastInFirstOut ? items.pollLast() : items.pollFirst();
        }

        @Override
        public void giveBack(T item) {
            if (lastInFirstOut) {
                items.addLast(item);
            } else {
                items.addFirst(item);
            }
        }

        @Override
        public boolean removeAdded(T item) {
            Iterator<T> newestFirst = items.descendingIterator();   // both kinds add at the back
            while (newestFirst.hasNext()) {
                if (newestFirst.next() == item) {
                    newestFirst.remove();
                    return true;
                }
            }
            return false;
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
