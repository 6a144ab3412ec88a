package dev.weft.internal;

import dev.weft.Outcome;
import dev.weft.Task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The task of {@code gather}: completes with the children's results in the order they were given. Children that have
 * not started are scheduled when the gather starts. The first failure completes the gather at once (the other children
 * go on running, as in asyncio), unless outcomes are collected. Cancelling the gather cancels every child; it then
 * finishes cancelled once they are all done.
 */
public final class Gather<T, R> extends AbstractTask<List<R>> {
    private final List<AbstractTask<?>> children = new ArrayList<>();
    private final boolean outcomes;
    private int remaining;
    private boolean cancelling;

    private Gather(Collection<? extends Task<? extends T>> tasks, boolean outcomes) {
        for (Task<? extends T> t : tasks) {
            children.add(AbstractTask.of(t));
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
        if (cancelling) {
            if (remaining == 0) {
                finishCancelled("gather was cancelled");
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

    @Override
    public boolean cancel() {
        if (status == DONE) {
            return false;
        }
        if (status != STARTED) {
            return super.cancel();
        }
        cancelling = true;
        for (AbstractTask<?> child : children) {
            child.cancel();
        }
        return true;
    }

    @Override
    String describe() {
        return "gather of " + children.size();
    }
}
