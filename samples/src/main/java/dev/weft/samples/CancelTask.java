package dev.weft.samples;

import dev.weft.Async;
import dev.weft.Task;

import java.util.concurrent.CancellationException;

import static dev.weft.Weft.*;

/**
 * The second tutorial's note on cancelling: {@code task1.cancel()} stops the one-second ticker after three ticks,
 * while the two-second ticker runs to its end. The cancelled task sees the cancellation at its pending await.
 */
public class CancelTask {

    @Async
    static Task<Void> ticker(String name, long periodMillis, int times) {
        try {
            for (int i = 0; i < times; i++) {
                await(sleep(periodMillis));
                System.out.println(name + "()");
            }
            return done();
        } catch (CancellationException e) {
            System.out.println(name + " cancelled");
            throw e;
        }
    }

    @Async
    static Task<Void> main() {
        Task<Void> task1 = createTask(ticker("coro1", 1000, 5));
        Task<Void> task2 = createTask(ticker("coro2", 2000, 2));
        await(sleep(3500));
        task1.cancel();
        await(task2);
        System.out.println("task1 cancelled: " + task1.isCancelled() + ", task2 done: " + task2.isDone());
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
