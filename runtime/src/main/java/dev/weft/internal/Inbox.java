package dev.weft.internal;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The callbacks other threads hand a loop: a lock-free stack that the loop takes whole, so one iteration takes only
 * what was there when it began, however fast other threads keep adding (a thread feeding the loop without pause
 * cannot starve its timers and sockets), and that can be sealed, so a submission racing the loop's close either gets
 * in, and then runs, or is refused.
 *
 * <p>Implementation: {@link #top} is the newest node of a singly linked stack, or {@link #SEALED} once closed. A push
 * is a compare-and-set of {@code top}; {@link #drainTo} swaps in null and reverses the nodes it took, which restores
 * the order of the pushes (so the callbacks of one thread keep their order). {@link #seal} swaps in the sentinel and
 * returns what was there: after it, no push succeeds. {@code top} is the only shared field, read and written with
 * volatile semantics by {@link AtomicReference}; a node is never changed once pushed, except its {@code next} link
 * by the reversal, which only the loop thread does, after taking the nodes.
 */
final class Inbox {
    private static final Node SEALED = new Node(null, null);

    private final AtomicReference<Node> top = new AtomicReference<>();

    private static final class Node {
        final Runnable callback;
        Node next;

        Node(Runnable callback, Node next) {
            this.callback = callback;
            this.next = next;
        }
    }

    /** Adds {@code callback}, from any thread. @throws IllegalStateException once sealed */
    void push(Runnable callback) {
        Node node = new Node(callback, null);
        while (true) {
            Node t = top.get();
            if (t == SEALED) {
                throw new IllegalStateException("the event loop is closed");
            }
            node.next = t;
            if (top.compareAndSet(t, node)) {
                return;
            }
        }
    }

    boolean isEmpty() {
        Node t = top.get();
        return t == null || t == SEALED;
    }

    /** Moves the callbacks there now to {@code ready}, oldest first. Loop thread only. */
    void drainTo(ArrayDeque<Runnable> ready) {
        Node t = top.get();
        if (t == null || t == SEALED) {
            return;
        }
        appendInOrder(top.getAndSet(null), ready);
    }

    /** Refuses every later push; moves the callbacks accepted before to {@code ready}, oldest first. */
    void seal(ArrayDeque<Runnable> ready) {
        Node taken = top.getAndSet(SEALED);
        if (taken != SEALED) {
            appendInOrder(taken, ready);
        }
    }

    private static void appendInOrder(Node newestFirst, ArrayDeque<Runnable> ready) {
        Node reversed = null;
        for (Node n = newestFirst; n != null; ) {
            Node next = n.next;
            n.next = reversed;
            reversed = n;
            n = next;
        }
        for (Node n = reversed; n != null; n = n.next) {
            ready.add(n.callback);
        }
    }
}
