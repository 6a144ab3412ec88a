package dev.weft.conformance.cpython;

import dev.weft.LifoQueue;
import dev.weft.Queue;

/** CPython's {@code LifoQueueShutdownTests} (test_queues.py): the shutdown cases on a {@link LifoQueue}. */
class QueuesLifoShutdownTests extends QueuesShutdownTestBase {
    @Override
    Queue<String> newQueue(int maxsize) {
        return new LifoQueue<>(maxsize);
    }
}
