package dev.weft.conformance.cpython;

import dev.weft.Queue;

/** CPython's {@code QueueJoinTests} (test_queues.py): the join cases on a {@link Queue}. */
class QueuesJoinTests extends QueuesJoinTestBase {
    @Override
    Queue<Integer> newQueue() {
        return new Queue<>();
    }
}
