package dev.weft.weaver.handbuilt;

import dev.weft.Task;
import dev.weft.Weft;

/**
 * The unwoven meaning of a hand-built method: its {@code Weft.await} calls are redirected here, where each awaited
 * task runs to completion on a loop of its own before the method goes on. The woven method must give the same result.
 */
public final class Synchronously {
    private Synchronously() {
    }

    /** Stands in for {@code Weft.await(Task)}: the task's value, or its exception thrown unwrapped. */
    public static Object await(Task<?> task) {
        if (task.isDone()) {
            // Not Weft.run: a task completed on an earlier, closed loop never calls back to a new one.
            return task.result();
        }
        return Weft.run(task);
    }
}
