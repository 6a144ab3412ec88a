package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.Queue;
import dev.weft.QueueShutDownException;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import static dev.weft.Weft.await;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * CPython's {@code _QueueShutdownTestMixin} (test_queues.py), run by one subclass per queue kind as CPython's
 * {@code QueueShutdownTests}, {@code LifoQueueShutdownTests} and {@code PriorityQueueShutdownTests}. asyncio's
 * {@code QueueShutDown} is {@link QueueShutDownException}; the {@code ValueError} of a {@code task_done()} too many
 * is {@link IllegalStateException}.
 */
abstract class QueuesShutdownTestBase extends QueuesTestCase {

    /** A new queue of the kind under test; unbounded if {@code maxsize} is 0. */
    abstract Queue<String> newQueue(int maxsize);

    /** Awaits {@code task}, which must fail with {@link QueueShutDownException}. */
    @Async
    static Task<Void> assertShutDown(Task<?> task) {
        try {
            await(task);
        } catch (QueueShutDownException expected) {
            return done();
        }
        fail("Didn't appear to shut-down queue");
        return done();
    }

    /** put, put_nowait, get and get_nowait all fail once the queue is shut down (and empty). */
    @Async
    static Task<Void> assertPutAndGetShutDown(Queue<String> q) {
        await(assertShutDown(q.put("data")));
        assertThrows(QueueShutDownException.class, () -> q.putNowait("data"));
        await(assertShutDown(q.get()));
        assertThrows(QueueShutDownException.class, q::getNowait);
        return done();
    }

    @Async
    Task<Void> shutdownEmpty() {
        Queue<String> q = newQueue(0);
        EventLoop loop = EventLoop.current();
        Task<String> getTask = loop.createTask(getOf(q));
        await(sleep(0));   // the get waits before the shutdown

        q.shutdown(false);   // unfinished: 0 -> 0

        assertEquals(0, q.qsize());

        await(q.join());

        await(sleep(0));
        assertTrue(getTask.isDone());
        await(assertShutDown(getTask));

        await(assertPutAndGetShutDown(q));
        return done();
    }

    @Test
    void test_shutdown_empty() {
        runVirtual(shutdownEmpty());
    }

    @Async
    Task<Void> shutdownNonempty() {
        Queue<String> q = newQueue(1);
        EventLoop loop = EventLoop.current();

        q.putNowait("data");
        Task<Void> joinTask = loop.createTask(joinOf(q));
        Task<Void> putTask = loop.createTask(putOf(q, "data2"));

        await(sleep(0));
        assertFalse(putTask.isDone());

        q.shutdown(false);   // unfinished: 1 -> 1

        assertEquals(1, q.qsize());

        await(sleep(0));
        assertTrue(putTask.isDone());
        await(assertShutDown(putTask));

        // what was queued before the shutdown can still be taken
        assertEquals("data", await(q.get()));

        await(sleep(0));
        assertFalse(joinTask.isDone());

        await(assertPutAndGetShutDown(q));

        q.taskDone();

        await(sleep(0));
        assertTrue(joinTask.isDone());
        await(joinTask);

        assertThrowsExactly(IllegalStateException.class, q::taskDone, "Didn't appear to mark all tasks done");
        return done();
    }

    @Test
    void test_shutdown_nonempty() {
        runVirtual(shutdownNonempty());
    }

    @Async
    Task<Void> shutdownImmediate() {
        Queue<String> q = newQueue(0);
        EventLoop loop = EventLoop.current();
        q.putNowait("data");
        Task<Void> joinTask = loop.createTask(joinOf(q));

        q.shutdown(true);   // unfinished: 1 -> 0

        assertEquals(0, q.qsize());

        await(sleep(0));
        assertTrue(joinTask.isDone());
        await(joinTask);

        await(assertPutAndGetShutDown(q));

        assertThrowsExactly(IllegalStateException.class, q::taskDone, "Didn't appear to mark all tasks done");
        return done();
    }

    @Test
    void test_shutdown_immediate() {
        runVirtual(shutdownImmediate());
    }

    @Async
    Task<Void> shutdownImmediateWithUnfinished() {
        Queue<String> q = newQueue(0);
        EventLoop loop = EventLoop.current();
        q.putNowait("data");
        q.putNowait("data");
        Task<Void> joinTask = loop.createTask(joinOf(q));
        assertEquals("data", await(q.get()));

        q.shutdown(true);   // unfinished: 2 -> 1

        assertEquals(0, q.qsize());

        await(sleep(0));
        assertFalse(joinTask.isDone());

        await(assertPutAndGetShutDown(q));

        // the item taken before the shutdown is the one left to mark done
        q.taskDone();
        assertThrowsExactly(IllegalStateException.class, q::taskDone, "Didn't appear to mark all tasks done");

        await(sleep(0));
        assertTrue(joinTask.isDone());
        await(joinTask);
        return done();
    }

    @Test
    void test_shutdown_immediate_with_unfinished() {
        runVirtual(shutdownImmediateWithUnfinished());
    }
}
