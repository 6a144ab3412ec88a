package dev.weft.internal;

import dev.weft.AsyncTimeoutException;
import dev.weft.Task;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * {@code asCompleted}: an iteration that gives one task per child, the i-th completing with the i-th child to finish.
 * The children are scheduled when this is created, as asyncio does. A child that is already done when its turn comes
 * is given as it is; otherwise the iteration gives a placeholder that completes with the next child to finish. With a
 * timeout, every placeholder not completed by then fails with {@link AsyncTimeoutException}; the children go on.
 * Loop thread only; iterate once.
 */
public final class AsCompleted<T> implements Iterable<Task<T>> {
    private final Loop loop;
    private final int count;
    private final ArrayDeque<AbstractTask<?>> finished = new ArrayDeque<>();
    private final ArrayDeque<Next<T>> waiting = new ArrayDeque<>();
    private boolean timedOut;
    private boolean iterated;

    public AsCompleted(Loop loop, Collection<? extends Task<? extends T>> tasks, long timeoutNanos) {
        this.loop = loop;
        List<AbstractTask<?>> children = new ArrayList<>();
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
        Next<T> next = waiting.poll();
        if (next != null) {
            next.source = child;
            next.completeFrom(child);
        } else {
            finished.add(child);
        }
    }

    private void expire() {
        timedOut = true;
        Next<T> next;
        while ((next = waiting.poll()) != null) {
            next.fail(new AsyncTimeoutException("asCompleted timed out"));
        }
    }

    @Override
    public Iterator<Task<T>> iterator() {
        if (iterated) {
            throw new IllegalStateException("asCompleted(...) can be iterated only once");
        }
        iterated = true;
        return new Iterator<>() {
            private int given;

            @Override
            public boolean hasNext() {
                return given < count;
            }

            @Override
            @SuppressWarnings("unchecked")
            public Task<T> next() {
                if (given >= count) {
                    throw new NoSuchElementException();
                }
                given++;
                AbstractTask<?> done = finished.poll();
                if (done != null) {
                    return (Task<T>) done;
                }
                Next<T> placeholder = new Next<>(loop);
                if (timedOut) {
                    placeholder.fail(new AsyncTimeoutException("asCompleted timed out"));
                } else {
                    waiting.add(placeholder);
                }
                return placeholder;
            }
        };
    }

    /** A placeholder for the next child to finish; once completed, it hands back through that child. */
    private static final class Next<T> extends LoopFuture<T> {
        /** The child whose outcome this took, once completed. */
        AbstractTask<?> source;

        Next(Loop loop) {
            super(loop);
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
