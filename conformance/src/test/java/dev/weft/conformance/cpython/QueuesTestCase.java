package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.Queue;
import dev.weft.Task;

import static dev.weft.Weft.await;
import static dev.weft.Weft.done;

/**
 * What the ports of {@code test_queues.py} share. In asyncio {@code q.get()}, {@code q.put(x)} and {@code q.join()}
 * are coroutines, so {@code create_task(q.get())} makes a task that awaits the queue; in Weft they return the queue's
 * own waiter. These wrappers give the same shape: a coroutine task that awaits the queue operation, so cancelling it
 * cancels a task suspended in (or woken from) the wait, as in CPython.
 */
abstract class QueuesTestCase extends AsyncioTestCase {

    /** asyncio's {@code q.get()} coroutine. */
    @Async
    static <T> Task<T> getOf(Queue<T> q) {
        T item = await(q.get());
        return done(item);
    }

    /** asyncio's {@code q.put(item)} coroutine. */
    @Async
    static <T> Task<Void> putOf(Queue<T> q, T item) {
        await(q.put(item));
        return done();
    }

    /** asyncio's {@code q.join()} coroutine. */
    @Async
    static Task<Void> joinOf(Queue<?> q) {
        await(q.join());
        return done();
    }
}
