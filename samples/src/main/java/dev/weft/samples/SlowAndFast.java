package dev.weft.samples;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

/**
 * asyncio_basic_6.py: two tasks sleep concurrently, so both results are ready after the longer delay (5 s), not the
 * sum (8 s).
 */
public class SlowAndFast {
    static final long SECOND = 1000;

    @Async
    static Task<Integer> addFast(int x, int y) {
        System.out.println("starting fast add");
        await(sleep(3 * SECOND));   // Mimic some network delay
        System.out.println("result ready for fast add");
        return done(x + y);
    }

    @Async
    static Task<Integer> addSlow(int x, int y) {
        System.out.println("starting slow add");
        await(sleep(5 * SECOND));   // Mimic some network delay
        System.out.println("result ready for slow add");
        return done(x + y);
    }

    @Async
    static Task<Void> getResults() {
        Task<Integer> task1 = createTask(addSlow(3, 4));
        Task<Integer> task2 = createTask(addFast(5, 5));
        System.out.println(await(task1) + " " + await(task2));   // Prints 7 10
        return done();
    }

    public static void main(String[] args) {
        run(getResults());
    }
}
