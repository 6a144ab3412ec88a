package dev.weft.samples;

import dev.weft.Async;
import dev.weft.Queue;
import dev.weft.Task;

import static dev.weft.Weft.*;

/**
 * Producers and consumers over a bounded {@link Queue}: a producer waits while the queue is full, consumers share the
 * work, and {@code join()} waits until every item was processed.
 */
public class ProducerConsumer {

    @Async
    static Task<Void> producer(Queue<String> queue, String name, int items) {
        for (int i = 1; i <= items; i++) {
            String item = name + "-" + i;
            await(queue.put(item));   // waits while the queue is full
            System.out.println("put " + item);
        }
        return done();
    }

    @Async
    static Task<Void> consumer(Queue<String> queue, String name) {
        while (true) {
            String item = await(queue.get());
            await(sleep(100));   // processing takes time
            System.out.println(name + " processed " + item);
            queue.taskDone();
        }
    }

    @Async
    static Task<Void> main() {
        Queue<String> queue = new Queue<>(2);
        Task<Void> c1 = createTask(consumer(queue, "consumer A"));
        Task<Void> c2 = createTask(consumer(queue, "consumer B"));
        await(producer(queue, "item", 6));
        await(queue.join());   // every item processed
        c1.cancel();
        c2.cancel();
        System.out.println("all processed");
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
