package dev.weft.samples;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

/**
 * The second tutorial's first example: two coroutines tick together, one every second and one every two seconds, five
 * times each; the program ends after ten seconds.
 */
public class TwoCoroutines {
    static final int TIMES = 5;

    @Async
    static Task<Void> coro1() {
        for (int i = 0; i < TIMES; i++) {
            await(sleep(1000));
            System.out.println("coro1()");
        }
        return done();
    }

    @Async
    static Task<Void> coro2() {
        for (int i = 0; i < TIMES; i++) {
            await(sleep(2000));
            System.out.println("coro2()");
        }
        return done();
    }

    @Async
    static Task<Void> main() {
        Task<Void> task1 = createTask(coro1());
        Task<Void> task2 = createTask(coro2());
        await(task1);
        await(task2);
        return done();
    }

    public static void main(String[] args) {
        run(main());
    }
}
