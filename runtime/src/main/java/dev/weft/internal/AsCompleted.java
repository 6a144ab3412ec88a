package dev.weft.internal;

import dev.weft.AsyncTimeoutException;
import dev.weft.Task;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.NoSuchElementException;

/**
 * {@code asCompleted}: an iteration that gives one task per distinct child; awaiting the i-th task given out waits for
 * the next child to finish that no earlier-awaited task took, as asyncio 3.13's items bind when they are awaited, not
 * when the iterator gives them. The children are scheduled when this is created, as asyncio does. With a timeout,
 * a task awaited after it passed (and after the children finished by then are taken) fails with
 * {@link AsyncTimeoutException}; the children go on. Iterating again resumes where the last iteration stopped.
 * Loop thread only.
 */
public final class AsCompleted<T> implements Iterable<Task<T>> {
    private final int count;
    /** Children done and not yet taken by an awaited item, in the order they finished. */
    private final ArrayDeque<AbstractTask<?>> finished = new ArrayDeque<>();
    /** Items awaited and waiting for a child to finish, in the order they were awaited. */
    private final ArrayDeque<Next> waiting = new ArrayDeque<>();
    private boolean timedOut;
    /** Items given out so far, over every iteration. */
    private int given;

    public AsCompleted(Loop loop, Collection<? extends Task<? extends T>> tasks, long timeoutNanos) {
        Set<AbstractTask<?>> children = new LinkedHashSet<>();
        for (Task<? extends T> t : tasks) {
            children.add(AbstractTask.of(t));
        }
        this.count = children.size();
        for (AbstractTask<?> child : children) {
            child.ensureStarted(loop);
        }
        for (AbstractTask<?> child : children) {
            child.whenDone(this::childDone);
        }
        if (timeoutNanos >= 0 && finished.size() < count) {
            loop.schedule(timeoutNanos, this::expire);
        }
    }

    private void childDone(AbstractTask<?> child) {
        Next next = waiting.poll();
        if (next != null) {
            next.take(child);
        } else {
            finished.add(child);
        }
    }

    private void expire() {
        timedOut = true;
        Next next;
        while ((next = waiting.poll()) != null) {
            next.fail(new AsyncTimeoutException("asCompleted timed out"));
        }
    }

    @Override
    public Iterator<Task<T>> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return given < count;
            }

            @Override
            public Task<T> next() {
                if (given >= count) {
                    throw new NoSuchElementException();
                }
                given++;
                return new Next();
            }
        };
    }

    /**
     * One item: a lazy future that, once awaited (or scheduled), takes the next child to finish; once completed, it
     * hands back through that child.
     */
    private final class Next extends LoopFuture<T> {
        /** The child whose outcome this took, once completed. */
        private AbstractTask<?> source;

        @Override
        protected void begin(Loop loop) {
            AbstractTask<?> done = finished.poll();
            if (done != null) {
                take(done);
            } else if (timedOut) {
                fail(new AsyncTimeoutException("asCompleted timed out"));
            } else {
                waiting.add(this);
            }
        }

        void take(AbstractTask<?> child) {
            source = child;
            completeFrom(child);
        }

        /** Cancelled while waiting: it leaves the queue of awaited items. */
        @Override
        protected boolean stopWaiting() {
            waiting.remove(this);
            return true;
        }

        @Override
        protected boolean giveBack(T value) {
            return source == null || source.handBack();
        }

        @Override
        protected String describe() {
            return "next of asCompleted";
        }
    }
}
