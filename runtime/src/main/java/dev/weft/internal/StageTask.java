package dev.weft.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A task that mirrors a {@link CompletionStage}. It completes on the loop thread of the coroutine that awaits it,
 * whichever thread completes the stage; the stage's {@code CompletionException}/{@code ExecutionException} wrappers
 * are removed. Cancelling this task does not cancel the stage, which others may share.
 */
final class StageTask<T> extends AbstractTask<T> {
    private final CompletionStage<T> stage;

    private StageTask(CompletionStage<T> stage) {
        this.stage = stage;
    }

    static <T> StageTask<T> of(CompletionStage<T> stage) {
        StageTask<T> task = new StageTask<>(stage);
        CompletableFuture<T> future = toFuture(stage);
        if (future != null && future.isDone()) {
            task.completeFrom(future);
        }
        return task;
    }

    private static <T> CompletableFuture<T> toFuture(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture();
        } catch (UnsupportedOperationException notSupported) {
            return null;
        }
    }

    private void completeFrom(CompletableFuture<T> done) {
        try {
            finish(done.join(), null, null);
        } catch (CancellationException cancelled) {
            finish(null, cancelled, null);
        } catch (Throwable failure) {
            finish(null, Throwables.unwrap(failure), null);
        }
    }

    @Override
    void start(Loop loop) {
        super.start(loop);
        stage.whenComplete((value, failure) -> loop.callSoonThreadsafe(() -> {
            if (failure == null) {
                finish(value, null, null);
            } else {
                finish(null, Throwables.unwrap(failure), null);
            }
        }));
    }

    @Override
    protected String describe() {
        return "CompletionStage";
    }
}
