package dev.weft.conformance.cpython;

import dev.weft.LifoQueue;
import dev.weft.Queue;

/** CPython's {@code LifoQueueJoinTests} (test_queues.py): the join cases on a {@link LifoQueue}. */
class QueuesLifoJoinTests extends QueuesJoinTestBase {
    @Override
    Queue<Integer> newQueue() {
        return new LifoQueue<>();
    }
}
