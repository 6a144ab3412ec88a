package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.AsyncTimeoutException;
import dev.weft.Event;
import dev.weft.EventLoop;
import dev.weft.Queue;
import dev.weft.QueueEmptyException;
import dev.weft.Task;
import dev.weft.TaskGroup;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** CPython's {@code QueueGetTests} (test_queues.py). */
class QueuesGetTests extends QueuesTestCase {

    @Async
    Task<Void> blockingGet() {
        Queue<Integer> q = new Queue<>();
        q.putNowait(1);
        assertEquals(1, await(q.get()));
        return done();
    }

    @Test
    void test_blocking_get() {
        runVirtual(blockingGet());
    }

    /** Adapted: a real waiting put stands for the future CPython pushes into the private {@code _putters}. */
    @Async
    Task<Void> getWithPutters() {
        Queue<Integer> q = new Queue<>(1);
        await(q.put(1));

        Task<Void> waiter = q.put(2);
        assertFalse(waiter.isDone());

        assertEquals(1, await(q.get()));
        assertTrue(waiter.isDone());
        assertNull(waiter.result());
        return done();
    }

    @Test
    void test_get_with_putters() {
        runVirtual(getWithPutters());
    }

    private boolean finished;

    @Async
    Task<Integer> queueGet(Queue<Integer> q, Event started) {
        started.set();
        int res = await(q.get());
        finished = true;
        return done(res);
    }

    @Async
    Task<Void> blockingGetWait() {
        EventLoop loop = EventLoop.current();
        Queue<Integer> q = new Queue<>();
        Event started = new Event();
        Task<Integer> queueGetTask = createTask(queueGet(q, started));
        await(started.waitSet());
        assertFalse(finished);
        loop.callLater(Duration.ofMillis(10), () -> q.putNowait(1));
        int res = await(queueGetTask);
        assertTrue(finished);
        assertEquals(1, res);
        return done();
    }

    @Test
    void test_blocking_get_wait() {
        runVirtual(blockingGetWait());
    }

    @Test
    void test_nonblocking_get() {
        Queue<Integer> q = new Queue<>();
        q.putNowait(1);
        assertEquals(1, q.getNowait());
    }

    @Test
    void test_nonblocking_get_exception() {
        Queue<Integer> q = new Queue<>();
        assertThrows(QueueEmptyException.class, q::getNowait);
    }

    @Async
    Task<Void> getCancelledRace() {
        Queue<String> q = new Queue<>();

        Task<String> t1 = createTask(getOf(q));
        Task<String> t2 = createTask(getOf(q));

        await(sleep(0));
        t1.cancel();
        await(sleep(0));
        assertTrue(t1.isDone());
        await(q.put("a"));
        await(sleep(0));
        assertEquals("a", await(t2));
        return done();
    }

    @Test
    void test_get_cancelled_race() {
        runVirtual(getCancelledRace());
    }

    @Async
    Task<Void> getWithWaitingPutters() {
        Queue<String> q = new Queue<>(1);
        createTask(putOf(q, "a"));
        createTask(putOf(q, "b"));
        assertEquals("a", await(q.get()));
        assertEquals("b", await(q.get()));
        return done();
    }

    @Test
    void test_get_with_waiting_putters() {
        runVirtual(getWithWaitingPutters());
    }

    @Async
    Task<Void> consumer(Queue<Integer> queue, int numExpected) {
        for (int i = 0; i < numExpected; i++) {
            await(queue.get());
        }
        return done();
    }

    @Async
    Task<Void> producer(Queue<Integer> queue, int numItems) {
        for (int i = 0; i < numItems; i++) {
            await(queue.put(i));
        }
        return done();
    }

    @Async
    Task<Void> whyAreGettersWaiting() {
        int producerNumItems = 5;
        Queue<Integer> q = new Queue<>(1);
        try (TaskGroup tg = new TaskGroup()) {
            tg.createTask(producer(q, producerNumItems));
            tg.createTask(consumer(q, producerNumItems));
            await(tg.join());
        }
        return done();
    }

    @Test
    void test_why_are_getters_waiting() {
        runVirtual(whyAreGettersWaiting());
    }

    /**
     * Adapted: CPython checks the private {@code _getters} is empty after the timed-out get; here an item put
     * afterwards stays in the queue, so no getter is left registered to take it.
     */
    @Async
    Task<Void> cancelledGettersNotHeld() {
        Queue<Integer> queue = new Queue<>(5);
        try {
            await(waitFor(queue.get(), Duration.ofMillis(100)));
            fail("the get did not time out");
        } catch (AsyncTimeoutException expected) {
            // the timeout, as asyncio's TimeoutError
        }
        queue.putNowait(1);
        assertEquals(1, queue.qsize());
        return done();
    }

    @Test
    void test_cancelled_getters_not_being_held_in_self_getters() {
        runVirtual(cancelledGettersNotHeld());
    }
}
