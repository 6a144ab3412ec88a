package dev.weft.internal;

import dev.weft.Outcome;
import dev.weft.Task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static dev.weft.internal.TaskState.*;

/**
 * The task of {@code gather}: completes with the children's results in the order they were given. Children that have
 * not started are scheduled when the gather starts. The first failure completes the gather at once (the other children
 * go on running, as in asyncio), unless outcomes are collected. Cancelling the gather cancels every child; it then
 * finishes cancelled once they are all done, handing back what children that completed with a value were granted
 * (a lock taken by one child while another still slept). When the gather's own awaiter is cancelled after the gather
 * completed, it hands back every child's value, last first, so items return to their queue in order.
 */
public final class Gather<T, R> extends AbstractTask<List<R>> {
    private final List<AbstractTask<?>> children = new ArrayList<>();
    private final boolean outcomes;
    private int remaining;
    /** Null until a cancellation reaches the gather; then what it finishes with once its children are done. */
    private java.util.concurrent.CancellationException cancelledBy;

    private Gather(Collection<? extends Task<? extends T>> tasks, boolean outcomes) {
        Loop seen = null;
        for (Task<? extends T> t : tasks) {
            AbstractTask<?> child = AbstractTask.of(t);
            if (child.loop != null) {
                if (seen != null && child.loop != seen) {
                    throw new IllegalArgumentException("gather of tasks of different event loops: " + child
                            + " runs on " + child.loop + ", an earlier one on " + seen);
                }
                seen = child.loop;
            }
            children.add(child);
        }
        this.outcomes = outcomes;
    }

    /** Fails fast with the first failure. */
    public static <T> Gather<T, T> values(Collection<? extends Task<? extends T>> tasks) {
        return new Gather<>(tasks, false);
    }

    /** Collects every child's outcome, failures included. */
    public static <T> Gather<T, Outcome<T>> outcomes(Collection<? extends Task<? extends T>> tasks) {
        return new Gather<>(tasks, true);
    }

    @Override
    void start(Loop loop) {
        super.start(loop);
        remaining = children.size();
        if (remaining == 0) {
            finish(new ArrayList<>(), null, null);
            return;
        }
        for (AbstractTask<?> child : children) {
            child.ensureStarted(loop);
        }
        for (AbstractTask<?> child : children) {
            child.whenDone(this::childDone);
        }
    }

    private void childDone(AbstractTask<?> child) {
        remaining--;
        if (status == DONE) {
            child.markRetrieved();   // the gather has answered already: do not report this child's failure too
            return;
        }
        if (cancelledBy != null) {
            child.markRetrieved();
            if (remaining == 0) {
                handBackAll(children);
                finishCancelled(cancelledBy, null);
            }
            return;
        }
        if (!outcomes && child.hasFailed()) {
            finishFrom(child);
            return;
        }
        if (remaining == 0) {
            finish(results(), null, null);
        }
    }

    @SuppressWarnings("unchecked")
    private List<R> results() {
        List<R> results = new ArrayList<>(children.size());
        for (AbstractTask<?> child : children) {
            if (outcomes) {
                child.markRetrieved();
                results.add((R) (child.hasFailed() ? Outcome.failure(child.failure())
                        : Outcome.success(child.valueOrThrow())));
            } else {
                results.add((R) child.valueOrThrow());
            }
        }
        return results;
    }

    /** Every child is cancelled (each with a cancel of its own: a gather's depth is its nesting, not a chain). */
    @Override
    AbstractTask<?> withdraw(Throwable cause) {
        String message = cause instanceof java.util.concurrent.CancellationException ? cause.getMessage() : null;
        cancelledBy = new java.util.concurrent.CancellationException(message != null ? message : "gather was cancelled");
        for (AbstractTask<?> child : children) {
            child.cancelBecause(message != null ? new java.util.concurrent.CancellationException(message) : null);
        }
        return null;
    }

    @Override
    boolean handBack() {
        return handBackAll(children);
    }

    @Override
    protected String describe() {
        return "gather of " + children.size();
    }
}
