package dev.weft.internal;

import dev.weft.ReturnWhen;
import dev.weft.Task;
import dev.weft.WaitResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.weft.internal.TaskState.*;

/**
 * The task of {@code waitTasks} (asyncio's {@code wait}): completes with the done and pending children when the
 * {@link ReturnWhen} condition holds or the timeout passes. It never cancels the children, and never fails because of
 * them; cancelling it leaves them alone too.
 */
public final class WaitTasks<T> extends AbstractTask<WaitResult<T>> {
    private final List<AbstractTask<?>> children = new ArrayList<>();
    private final ReturnWhen returnWhen;
    private final long timeoutNanos;
    private TimerHeap.Timer timer;

    public WaitTasks(Collection<? extends Task<? extends T>> tasks, ReturnWhen returnWhen, long timeoutNanos) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("waitTasks needs at least one task");
        }
        for (Task<? extends T> t : new LinkedHashSet<>(tasks)) {
            children.add(AbstractTask.of(t));
        }
        this.returnWhen = returnWhen;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    void start(Loop loop) {
        super.start(loop);
        for (AbstractTask<?> child : children) {
            child.ensureStarted(loop);
        }
        for (AbstractTask<?> child : children) {
            child.whenDone(this::childDone);
        }
        if (status != DONE && timeoutNanos >= 0) {
            timer = loop.schedule(timeoutNanos, this::answer);
        }
    }

    private void childDone(AbstractTask<?> child) {
        if (status == DONE) {
            return;
        }
        boolean answer;
        switch (returnWhen) {
            case FIRST_COMPLETED:
                answer = true;
                break;
            case FIRST_EXCEPTION:
                answer = (child.hasFailed() && !child.wasCancelled()) || allDone();
                break;
            default:
                answer = allDone();
        }
        if (answer) {
            answer();
        }
    }

    private boolean allDone() {
        for (AbstractTask<?> child : children) {
            if (child.status != DONE) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private void answer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        Set<Task<T>> done = new LinkedHashSet<>();
        Set<Task<T>> pending = new LinkedHashSet<>();
        for (AbstractTask<?> child : children) {
            (child.status == DONE ? done : pending).add((Task<T>) child);
        }
        finish(new WaitResult<>(done, pending), null, null);
    }

    /** The awaiter was cancelled before it saw the answer: what the done children were granted goes back. */
    @Override
    boolean handBack() {
        return handBackAll(children);
    }

    @Override
    protected String describe() {
        return "waitTasks " + returnWhen;
    }
}
