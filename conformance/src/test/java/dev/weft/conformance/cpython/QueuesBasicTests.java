package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.Queue;
import dev.weft.Task;
import dev.weft.TaskGroup;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CPython's {@code QueueBasicTests} (test_queues.py). */
class QueuesBasicTests extends QueuesTestCase {

    /** Adapted: Java's toString stands for str(); Weft shows waiter counts and the size, not the items. */
    @Async
    Task<Void> strShowsTheWaiters() {
        Queue<Integer> q = new Queue<>();
        assertTrue(q.toString().startsWith("Queue"), q.toString());

        q = new Queue<>();
        Task<Integer> getter;
        try (TaskGroup tg = new TaskGroup()) {
            getter = tg.createTask(getOf(q));
            await(sleep(0));
            assertTrue(q.toString().contains("getters=1"), q.toString());
            q.putNowait(0);
            await(tg.join());
        }
        assertEquals(0, await(getter));

        q = new Queue<>(1);
        Task<Void> putter;
        try (TaskGroup tg = new TaskGroup()) {
            q.putNowait(1);
            putter = tg.createTask(putOf(q, 2));
            await(sleep(0));
            assertTrue(q.toString().contains("putters=1"), q.toString());
            q.getNowait();
            await(tg.join());
        }
        assertTrue(putter.isDone());

        q = new Queue<>();
        q.putNowait(1);
        assertTrue(q.toString().contains("[size=1,"), q.toString());
        return done();
    }

    @Test
    void test_str() {
        runVirtual(strShowsTheWaiters());
    }

    @Async
    Task<Void> empty() {
        Queue<Integer> q = new Queue<>();
        assertTrue(q.empty());
        await(q.put(1));
        assertFalse(q.empty());
        assertEquals(1, await(q.get()));
        assertTrue(q.empty());
        return done();
    }

    @Test
    void test_empty() {
        runVirtual(empty());
    }

    @Async
    Task<Void> full() {
        Queue<Integer> q = new Queue<>();
        assertFalse(q.full());

        q = new Queue<>(1);
        await(q.put(1));
        assertTrue(q.full());
        return done();
    }

    @Test
    void test_full() {
        runVirtual(full());
    }

    @Async
    Task<Void> order() {
        Queue<Integer> q = new Queue<>();
        for (int i : new int[] {1, 3, 2}) {
            await(q.put(i));
        }
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(await(q.get()));
        }
        assertEquals(List.of(1, 3, 2), items);
        return done();
    }

    @Test
    void test_order() {
        runVirtual(order());
    }

    private final List<Integer> haveBeenPut = new ArrayList<>();

    @Async
    Task<Boolean> putter(Queue<Integer> q) {
        for (int i = 0; i < 3; i++) {
            await(q.put(i));
            haveBeenPut.add(i);
        }
        return done(true);
    }

    @Async
    Task<Void> maxsize() {
        Queue<Integer> q = new Queue<>(2);
        assertEquals(2, q.maxsize());
        Task<Boolean> t = createTask(putter(q));
        for (int i = 0; i < 2; i++) {
            await(sleep(0));
        }
        // two items fit; the third put waits
        assertEquals(List.of(0, 1), haveBeenPut);
        assertEquals(0, await(q.get()));

        await(sleep(0));
        assertEquals(List.of(0, 1, 2), haveBeenPut);
        assertEquals(1, await(q.get()));
        assertEquals(2, await(q.get()));

        assertTrue(t.isDone());
        assertTrue(t.result());
        return done();
    }

    @Test
    void test_maxsize() {
        runVirtual(maxsize());
    }
}
