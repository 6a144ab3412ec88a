package dev.weft.conformance.cpython;

import dev.weft.PriorityQueue;
import dev.weft.Queue;

/** CPython's {@code PriorityQueueShutdownTests} (test_queues.py): the shutdown cases on a {@link PriorityQueue}. */
class QueuesPriorityShutdownTests extends QueuesShutdownTestBase {
    @Override
    Queue<String> newQueue(int maxsize) {
        return new PriorityQueue<>(maxsize);
    }
}
