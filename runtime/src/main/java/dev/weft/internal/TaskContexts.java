package dev.weft.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where {@code ContextVar} values live: asyncio's {@code contextvars} contexts, one per task.
 *
 * <p>A context is an immutable map from variable to value; setting a variable replaces the map of the running task
 * (copy on write), so a map handed to another task earlier never changes. A task scheduled by {@code createTask}
 * (or by a combinator that schedules it) takes the map of the task that scheduled it, as asyncio's
 * {@code create_task} copies the current context; a coroutine awaited directly has no context of its own: it runs in
 * the context of the task it runs in (the root of its chain of inline parents), as asyncio's {@code await coro} does.
 * Code outside a task (a plain thread, a loop callback) has its thread's map. A thread call ({@code toThread}) runs
 * with the map of the task that started it.
 *
 * <p>Cost: nothing until some variable is set anywhere ({@link #inUse}). From then on, scheduling a task copies a
 * reference into its loop's map, and a finished task's entry is removed. Maps of tasks are confined to their loop's
 * thread; the per-thread map is a ThreadLocal.
 */
public final class TaskContexts {
    /** Set once a variable has been set on any thread; read when a task is scheduled. */
    private static volatile boolean inUse;
    private static final ThreadLocal<Map<Object, Object>> THREAD = ThreadLocal.withInitial(Collections::emptyMap);

    private TaskContexts() {
    }

    /** The map of the code running now: of the root task of the running coroutine, or of this thread. */
    public static Map<Object, Object> current() {
        AbstractTask<?> task = runningRoot();
        if (task == null) {
            return THREAD.get();
        }
        Map<Object, Object> own = task.loop.contexts == null ? null : task.loop.contexts.get(task);
        return own != null ? own : Collections.emptyMap();
    }

    /** Replaces the map of the code running now. */
    public static void replace(Map<Object, Object> context) {
        inUse = true;
        AbstractTask<?> task = runningRoot();
        if (task == null) {
            THREAD.set(context);
            return;
        }
        Loop loop = task.loop;
        if (loop.contexts == null) {
            loop.contexts = new IdentityHashMap<>();
        }
        loop.contexts.put(task, context);
    }

    /** The task whose context the running code uses: the running task, or the root of its inline parents. */
    private static AbstractTask<?> runningRoot() {
        AbstractTask<?> task = Loop.currentTaskOrNull();
        while (task instanceof Coroutine && ((Coroutine<?>) task).inlineParent() != null) {
            task = ((Coroutine<?>) task).inlineParent();
        }
        return task;
    }

    /** {@code task} is being scheduled on {@code loop}: it takes the context of the code scheduling it. */
    static void inherit(Loop loop, AbstractTask<?> task) {
        if (!inUse) {
            return;
        }
        Map<Object, Object> context = current();
        if (!context.isEmpty()) {
            if (loop.contexts == null) {
                loop.contexts = new IdentityHashMap<>();
            }
            loop.contexts.put(task, context);
        }
    }

    /** {@code task} is done: its context goes. */
    static void drop(Loop loop, AbstractTask<?> task) {
        if (loop.contexts != null) {
            loop.contexts.remove(task);
        }
    }

    /** Runs {@code body} on this thread with {@code context} as its map, then restores the thread's own. */
    static <T> T callWith(Map<Object, Object> context, java.util.concurrent.Callable<T> body) throws Exception {
        Map<Object, Object> own = THREAD.get();
        THREAD.set(context);
        try {
            return body.call();
        } finally {
            THREAD.set(own);
        }
    }

    /** Whether any variable was ever set: what lets tasks skip all of this. */
    static boolean inUse() {
        return inUse;
    }
}
