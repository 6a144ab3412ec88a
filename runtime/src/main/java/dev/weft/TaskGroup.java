package dev.weft;

import dev.weft.internal.AbstractTask;
import dev.weft.internal.Loop;
import dev.weft.internal.LoopFuture;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * asyncio's {@code TaskGroup}: structured concurrency for tasks of one loop.
 *
 * <pre>{@code
 * try (TaskGroup group = new TaskGroup()) {
 *     Task<Page> a = group.createTask(fetch(1));
 *     Task<Page> b = group.createTask(fetch(2));
 *     await(group.join());            // every task done; throws TaskGroupException if any failed
 * }
 * }</pre>
 *
 * <p>The first task to fail (with anything but a cancellation) cancels all the others. If the block is then awaiting
 * {@link #join()}, {@code join} fails, once every task is done, with a {@link TaskGroupException} holding every
 * failure. If the block is awaiting something else, that await is cancelled and throws the
 * {@code TaskGroupException} (asyncio cancels the task running the group body the same way); the block is left, and
 * closing the group cancels what is not done. Members may add tasks to the group, even while the block waits in
 * {@code join()}, until {@code join} has completed.
 *
 * <p>Java's {@code close()} cannot suspend: where asyncio's {@code async with} waits for the tasks on exit, here the
 * block awaits {@link #join()}. Left by an exception before that, closing the group cancels the tasks that are not
 * done, so none outlives it; they finish cancelling in the loop's next iterations. A member that fails then (an
 * exception instead of its cancellation), with no exception of the group's left to carry the failure, is reported to
 * the loop's exception handler, with the task. Loop thread only.
 */
public final class TaskGroup implements AutoCloseable {
    private final Set<AbstractTask<?>> running = new LinkedHashSet<>();
    private final List<Throwable> failures = new ArrayList<>();
    /** The task running the group's block, if the group was made inside one: what a failure cancels. */
    private final AbstractTask<?> owner;
    /** The owner's {@code cancelling()} when the group was made. */
    private final int ownerRequests;
    /** What the owner's pending await was cancelled with, if a failure cancelled it: failures after it join it. */
    private TaskGroupException ownerCancelledWith;
    private LoopFuture<Void> joined;
    private boolean closed;

    /**
     * A new, empty group. Its tasks run on the loop running when {@link #createTask(Task)} is called. Made inside an
     * {@link Async} method, the group cancels that method's pending await when a member fails.
     */
    public TaskGroup() {
        Loop running = Loop.runningOrNull();
        owner = running == null ? null : Loop.currentTaskOrNull();
        ownerRequests = owner == null ? 0 : owner.cancelling();
    }

    /**
     * Schedules {@code task} on the running loop as a member of the group, and returns it.
     *
     * @throws IllegalStateException if the group is closed, already failed, or finished (its join completed)
     */
    public <T> Task<T> createTask(Task<T> task) {
        String refused = joined != null && joined.isDone() ? "the task group is finished: its join() has completed"
                : closed ? "the task group is closed"
                : !failures.isEmpty() ? "the task group is shutting down after a failure" : null;
        if (refused != null) {
            task.cancel();   // as asyncio closes the refused coroutine: it never runs, and is not reported as forgotten
            throw new IllegalStateException(refused);
        }
        EventLoop.current().createTask(task);
        AbstractTask<?> member = AbstractTask.of(task);
        if (!member.isDone()) {
            running.add(member);
        }
        task.addDoneCallback(this::memberDone);
        return task;
    }

    /** As {@link #createTask(Task)}, naming the task. */
    public <T> Task<T> createTask(Task<T> task, String name) {
        task.setName(name);
        return createTask(task);
    }

    private void memberDone(Task<?> task) {
        running.remove(task);
        if (!task.isCancelled() && task.exception() != null) {
            Throwable failure = task.exception();
            boolean first = failures.isEmpty();
            failures.add(failure);
            if (ownerCancelledWith != null) {
                ownerCancelledWith.add(failure);
            } else if (closed && joined == null) {
                // The block was left without join() and not because of the group: no exception will carry this
                // failure (asyncio's exit would raise it in a group), so the loop's exception handler gets it.
                EventLoop.current().callExceptionHandler(new ExceptionContext(
                        "a member of a TaskGroup failed after the group's block was left", failure, task));
            }
            if (first) {
                for (AbstractTask<?> other : new ArrayList<>(running)) {
                    other.cancel();
                }
                if (joined == null && !closed && owner != null && !owner.isDone()) {
                    ownerCancelledWith = new TaskGroupException(failures);
                    owner.cancelForScope(ownerCancelledWith, ownerRequests);
                }
            }
        }
        if (running.isEmpty() && joined != null) {
            settle();
        }
    }

    /**
     * Returns a task done once every task of the group is done; it fails with a {@link TaskGroupException} if any of
     * them failed. Members may still add tasks until it completes; no task may join the group afterwards.
     */
    public Task<Void> join() {
        if (joined == null) {
            joined = LoopFuture.on(Loop.running(), "TaskGroup.join");
            if (running.isEmpty()) {
                settle();
            }
        }
        return joined;
    }

    private void settle() {
        if (failures.isEmpty()) {
            joined.complete(null);
        } else {
            joined.fail(new TaskGroupException(failures));
        }
    }

    /**
     * Cancels the tasks of the group that are not done; closing twice is harmless. If a failure cancelled the block,
     * that cancellation is taken back ({@link Task#uncancel()}), as asyncio's task group does on exit.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AbstractTask<?> task : new ArrayList<>(running)) {
            task.cancel();
        }
        if (ownerCancelledWith != null) {
            owner.uncancel();
        }
    }
}
