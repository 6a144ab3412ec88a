package dev.weft.internal;

import dev.weft.Task;

import static dev.weft.internal.TaskState.*;

/**
 * The task of {@code shield}: completes with the child's outcome, but cancelling it does not cancel the child, which
 * goes on (its failure, if no one else takes it, is then reported as never retrieved). Once it passed the child's
 * value on, a cancellation of its awaiter hands that value back through the child.
 */
public final class Shield<T> extends AbstractTask<T> {
    private final AbstractTask<?> child;

    public Shield(Task<T> child) {
        this.child = AbstractTask.of(child);
    }

    @Override
    void start(Loop loop) {
        super.start(loop);
        child.ensureStarted(loop);
        child.whenDone(done -> {
            if (status != DONE) {
                finishFrom(done);
            }
        });
    }

    @Override
    boolean handBack() {
        return child.handBack();
    }

    @Override
    protected String describe() {
        return "shield " + child.describe();
    }
}
