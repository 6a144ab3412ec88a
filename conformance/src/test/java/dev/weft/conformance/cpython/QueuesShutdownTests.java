package dev.weft.conformance.cpython;

import dev.weft.Queue;

/** CPython's {@code QueueShutdownTests} (test_queues.py): the shutdown cases on a {@link Queue}. */
class QueuesShutdownTests extends QueuesShutdownTestBase {
    @Override
    Queue<String> newQueue(int maxsize) {
        return new Queue<>(maxsize);
    }
}
