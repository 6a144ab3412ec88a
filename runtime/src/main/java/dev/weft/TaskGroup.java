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
 * <p>The first task to fail (with anything but a cancellation) cancels all the others; {@link #join()} then fails,
 * once every task is done, with a {@link TaskGroupException} holding every failure. Closing the group cancels the
 * tasks that are not done (when the block is left by an exception before {@code join}), so none outlives it; they
 * finish cancelling in the loop's next iterations. Java's {@code close()} cannot suspend, so the block must await
 * {@link #join()} to wait for its tasks, where asyncio's {@code async with} waits on exit. Loop thread only.
 */
public final class TaskGroup implements AutoCloseable {
    private final Set<AbstractTask<?>> running = new LinkedHashSet<>();
    private final List<Throwable> failures = new ArrayList<>();
    private LoopFuture<Void> joined;
    private boolean closed;

    /** A new, empty group. Its tasks run on the loop running when {@link #createTask(Task)} is called. */
    public TaskGroup() {
    }

    /**
     * Schedules {@code task} on the running loop as a member of the group, and returns it.
     *
     * @throws IllegalStateException if the group is closed or already failed
     */
    public <T> Task<T> createTask(Task<T> task) {
        if (closed) {
            throw new IllegalStateException("the task group is closed");
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the task group is shutting down after a failure");
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
        if (task instanceof AbstractTask) {
            ((AbstractTask<?>) task).setName(name);
        }
        return createTask(task);
    }

    private void memberDone(Task<?> task) {
        running.remove(task);
        if (!task.isCancelled() && task.exception() != null) {
            boolean first = failures.isEmpty();
            failures.add(task.exception());
            if (first) {
                for (AbstractTask<?> other : new ArrayList<>(running)) {
                    other.cancel();
                }
            }
        }
        if (running.isEmpty() && joined != null) {
            settle();
        }
    }

    /**
     * Returns a task done once every task of the group is done; it fails with a {@link TaskGroupException} if any of
     * them failed. No task may join the group afterwards.
     */
    public Task<Void> join() {
        if (joined == null) {
            joined = LoopFuture.on(Loop.running(), "TaskGroup.join");
            closed = true;
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

    /** Cancels the tasks of the group that are not done; closing twice is harmless. */
    @Override
    public void close() {
        closed = true;
        for (AbstractTask<?> task : new ArrayList<>(running)) {
            task.cancel();
        }
    }
}
