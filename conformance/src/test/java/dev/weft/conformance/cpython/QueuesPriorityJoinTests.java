package dev.weft.conformance.cpython;

import dev.weft.PriorityQueue;
import dev.weft.Queue;

/** CPython's {@code PriorityQueueJoinTests} (test_queues.py): the join cases on a {@link PriorityQueue}. */
class QueuesPriorityJoinTests extends QueuesJoinTestBase {
    @Override
    Queue<Integer> newQueue() {
        return new PriorityQueue<>();
    }
}
