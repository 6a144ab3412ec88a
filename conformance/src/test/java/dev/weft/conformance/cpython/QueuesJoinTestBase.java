package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.Queue;
import dev.weft.Task;
import dev.weft.TaskGroup;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.weft.Weft.await;
import static dev.weft.Weft.done;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;

/**
 * CPython's {@code _QueueJoinTestMixin} (test_queues.py): the cases of {@code task_done()} and {@code join()}, run by
 * one subclass per queue kind, as CPython's {@code QueueJoinTests}, {@code LifoQueueJoinTests} and
 * {@code PriorityQueueJoinTests}. asyncio's {@code ValueError} from {@code task_done()} is Weft's
 * {@link IllegalStateException}.
 */
abstract class QueuesJoinTestBase extends QueuesTestCase {

    /** A new, unbounded queue of the kind under test. */
    abstract Queue<Integer> newQueue();

    @Test
    void test_task_done_underflow() {
        Queue<Integer> q = newQueue();
        assertThrowsExactly(IllegalStateException.class, q::taskDone);
    }

    private int accumulator;
    private boolean running = true;

    @Async
    Task<Void> worker(Queue<Integer> q) {
        while (running) {
            int item = await(q.get());
            accumulator += item;
            q.taskDone();
        }
        return done();
    }

    @Async
    Task<Void> taskDone() {
        Queue<Integer> q = newQueue();
        for (int i = 0; i < 100; i++) {
            q.putNowait(i);
        }
        // two workers take the items, marking each done; join returns once all are processed
        try (TaskGroup tg = new TaskGroup()) {
            List<Task<Void>> tasks = new ArrayList<>();
            for (int index = 0; index < 2; index++) {
                tasks.add(tg.createTask(worker(q)));
            }

            await(q.join());
            assertEquals(4950, accumulator);

            // one more item per worker lets each see the flag and end
            running = false;
            for (int i = 0; i < tasks.size(); i++) {
                q.putNowait(0);
            }
            await(tg.join());
        }
        return done();
    }

    @Test
    void test_task_done() {
        runVirtual(taskDone());
    }

    @Async
    Task<Void> joinEmptyQueue() {
        Queue<Integer> q = newQueue();
        await(q.join());
        await(q.join());
        return done();
    }

    @Test
    void test_join_empty_queue() {
        runVirtual(joinEmptyQueue());
    }
}
