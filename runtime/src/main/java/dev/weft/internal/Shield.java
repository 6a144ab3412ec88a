package dev.weft.internal;

import dev.weft.Task;

/**
 * The task of {@code shield}: completes with the child's outcome, but cancelling it does not cancel the child, which
 * goes on (its failure, if no one else takes it, is then reported as never retrieved).
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
    String describe() {
        return "shield " + child.describe();
    }
}
