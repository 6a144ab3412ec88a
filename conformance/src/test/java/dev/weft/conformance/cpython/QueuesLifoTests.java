package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.LifoQueue;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.weft.Weft.await;
import static dev.weft.Weft.done;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** CPython's {@code LifoQueueTests} (test_queues.py). */
class QueuesLifoTests extends QueuesTestCase {

    @Async
    Task<Void> order() {
        LifoQueue<Integer> q = new LifoQueue<>();
        for (int i : new int[] {1, 3, 2}) {
            await(q.put(i));
        }
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(await(q.get()));
        }
        assertEquals(List.of(2, 3, 1), items);
        return done();
    }

    @Test
    void test_order() {
        runVirtual(order());
    }
}
