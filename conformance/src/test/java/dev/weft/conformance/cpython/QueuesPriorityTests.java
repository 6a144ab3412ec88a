package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.PriorityQueue;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.weft.Weft.await;
import static dev.weft.Weft.done;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** CPython's {@code PriorityQueueTests} (test_queues.py). */
class QueuesPriorityTests extends QueuesTestCase {

    @Async
    Task<Void> order() {
        PriorityQueue<Integer> q = new PriorityQueue<>();
        for (int i : new int[] {1, 3, 2}) {
            await(q.put(i));
        }
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(await(q.get()));
        }
        assertEquals(List.of(1, 2, 3), items);
        return done();
    }

    @Test
    void test_order() {
        runVirtual(order());
    }
}
