package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.Event;
import dev.weft.EventLoop;
import dev.weft.Queue;
import dev.weft.QueueFullException;
import dev.weft.Task;
import dev.weft.TaskGroup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** CPython's {@code QueuePutTests} (test_queues.py). */
class QueuesPutTests extends QueuesTestCase {

    @Async
    Task<Void> blockingPut() {
        Queue<Integer> q = new Queue<>();
        await(q.put(1));   // unbounded: does not wait
        assertEquals(1, await(q.get()));
        return done();
    }

    @Test
    void test_blocking_put() {
        runVirtual(blockingPut());
    }

    private boolean finished;

    @Async
    Task<Void> queuePut(Queue<Integer> q, Event started) {
        started.set();
        await(q.put(1));
        await(q.put(2));
        finished = true;
        return done();
    }

    @Async
    Task<Void> blockingPutWait() {
        Queue<Integer> q = new Queue<>(1);
        Event started = new Event();
        EventLoop loop = EventLoop.current();
        loop.callLater(Duration.ofMillis(10), q::getNowait);
        Task<Void> queuePutTask = createTask(queuePut(q, started));
        await(started.waitSet());
        assertFalse(finished);
        await(queuePutTask);
        assertTrue(finished);
        return done();
    }

    @Test
    void test_blocking_put_wait() {
        runVirtual(blockingPutWait());
    }

    @Test
    void test_nonblocking_put() {
        Queue<Integer> q = new Queue<>();
        q.putNowait(1);
        assertEquals(1, q.getNowait());
    }

    /** A reader cancelled after it was handed an item gives it back: the next reader gets 1, not 2. */
    @Async
    Task<Void> getCancelDropOnePendingReader() {
        Queue<Integer> q = new Queue<>();

        Task<Integer> reader = createTask(getOf(q));

        await(sleep(0));

        q.putNowait(1);
        q.putNowait(2);
        reader.cancel();

        try {
            await(reader);
        } catch (CancellationException e) {
            reader = createTask(getOf(q));
            await(reader);
        }

        int result = reader.result();
        assertEquals(1, result);
        return done();
    }

    @Test
    void test_get_cancel_drop_one_pending_reader() {
        runVirtual(getCancelDropOnePendingReader());
    }

    @Async
    Task<Void> getCancelDropManyPendingReaders() {
        Queue<Integer> q = new Queue<>();
        Task<Integer> reader1;
        Task<Integer> reader2;
        Task<Integer> reader3;
        try (TaskGroup tg = new TaskGroup()) {
            reader1 = tg.createTask(getOf(q));
            reader2 = tg.createTask(getOf(q));
            reader3 = tg.createTask(getOf(q));

            await(sleep(0));

            q.putNowait(1);
            q.putNowait(2);
            reader1.cancel();

            try {
                await(reader1);
                fail("reader1 was not cancelled");
            } catch (CancellationException expected) {
                // as CPython's assertRaises(CancelledError)
            }

            await(reader3);
            await(tg.join());
        }
        // which of the two readers gets which item is not specified
        assertEquals(Set.of(1, 2), Set.of(reader2.result(), reader3.result()));
        return done();
    }

    @Test
    void test_get_cancel_drop_many_pending_readers() {
        runVirtual(getCancelDropManyPendingReaders());
    }

    @Async
    Task<Void> putCancelDrop() {
        Queue<Integer> q = new Queue<>(1);

        q.putNowait(1);

        // the queue is full: this put waits
        Task<Void> writer = createTask(putOf(q, 2));
        await(sleep(0));

        int value1 = q.getNowait();
        assertEquals(1, value1);

        writer.cancel();
        try {
            await(writer);
        } catch (CancellationException e) {
            writer = createTask(putOf(q, 2));
            await(writer);
        }

        int value2 = q.getNowait();
        assertEquals(2, value2);
        assertEquals(0, q.qsize());
        return done();
    }

    @Test
    void test_put_cancel_drop() {
        runVirtual(putCancelDrop());
    }

    @Test
    void test_nonblocking_put_exception() {
        Queue<Integer> q = new Queue<>(1);
        q.putNowait(1);
        assertThrows(QueueFullException.class, () -> q.putNowait(2));
    }

    @Async
    Task<Boolean> queuePutOne(Queue<Integer> q) {
        await(q.put(1));
        return done(true);
    }

    @Async
    Task<Void> putCancelled() {
        Queue<Integer> q = new Queue<>();
        Task<Boolean> t = createTask(queuePutOne(q));

        assertEquals(1, await(q.get()));
        assertTrue(t.isDone());
        assertTrue(t.result());
        return done();
    }

    @Test
    void test_put_cancelled() {
        runVirtual(putCancelled());
    }

    @Async
    Task<Void> putCancelledRace() {
        Queue<String> q = new Queue<>(1);

        Task<Void> putA = createTask(putOf(q, "a"));
        Task<Void> putB = createTask(putOf(q, "b"));
        Task<Void> putC = createTask(putOf(q, "X"));

        await(sleep(0));
        assertTrue(putA.isDone());
        assertFalse(putB.isDone());

        putC.cancel();
        await(sleep(0));
        assertTrue(putC.isDone());
        assertEquals("a", q.getNowait());
        await(sleep(0));
        assertEquals("b", q.getNowait());

        await(putB);
        return done();
    }

    @Test
    void test_put_cancelled_race() {
        runVirtual(putCancelledRace());
    }

    @Async
    Task<Void> putWithWaitingGetters() {
        Queue<String> q = new Queue<>();
        Task<String> t = createTask(getOf(q));
        await(sleep(0));
        await(q.put("a"));
        assertEquals("a", await(t));
        return done();
    }

    @Test
    void test_put_with_waiting_getters() {
        runVirtual(putWithWaitingGetters());
    }

    @Async
    Task<Void> getter(Queue<Integer> queue) {
        await(sleep(0));
        int num = queue.qsize();
        for (int i = 0; i < num; i++) {
            queue.getNowait();
        }
        return done();
    }

    @Async
    Task<Void> whyArePuttersWaiting() {
        Queue<Integer> queue = new Queue<>(2);
        try (TaskGroup tg = new TaskGroup()) {
            tg.createTask(getter(queue));
            tg.createTask(putOf(queue, 0));
            tg.createTask(putOf(queue, 1));
            tg.createTask(putOf(queue, 2));
            tg.createTask(putOf(queue, 3));
            await(tg.join());
        }
        return done();
    }

    @Test
    void test_why_are_putters_waiting() {
        runVirtual(whyArePuttersWaiting());
    }

    /**
     * Adapted: CPython counts the private {@code _putters} (1, then 0 after the cancel); here the put is seen waiting,
     * and once it is cancelled, room made in the queue admits no one.
     */
    @Async
    Task<Void> cancelledPutsNotHeld() {
        Queue<Integer> queue = new Queue<>(1);
        queue.putNowait(1);

        Task<Void> putTask = createTask(putOf(queue, 1));
        await(sleep(0));

        assertFalse(putTask.isDone());
        putTask.cancel();
        try {
            await(putTask);
            fail("the put was not cancelled");
        } catch (CancellationException expected) {
            // as CPython's assertRaises(CancelledError)
        }
        queue.getNowait();
        assertEquals(0, queue.qsize());
        assertFalse(queue.full());
        return done();
    }

    @Test
    void test_cancelled_puts_not_being_held_in_self_putters() {
        runVirtual(cancelledPutsNotHeld());
    }

    /** A put admitted by get_nowait and then cancelled before it resumed still ends cancelled. */
    @Async
    Task<Void> cancelledPutSilenceValueError() {
        Queue<Integer> queue = new Queue<>(1);
        queue.putNowait(1);

        Task<Void> putTask = createTask(putOf(queue, 1));
        await(sleep(0));

        queue.getNowait();
        putTask.cancel();

        try {
            await(putTask);
            fail("the put was not cancelled");
        } catch (CancellationException expected) {
            // as CPython's assertRaises(CancelledError)
        }
        return done();
    }

    @Test
    void test_cancelled_put_silence_value_error_exception() {
        runVirtual(cancelledPutSilenceValueError());
    }
}
