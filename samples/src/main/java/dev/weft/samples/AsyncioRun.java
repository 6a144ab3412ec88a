package dev.weft.samples;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

/** asyncio_basic_5.py: the same with run(), which makes and closes the loop. Prints {@code 7 10}. */
public class AsyncioRun {
    @Async
    static Task<Integer> add(int x, int y) {
        return done(x + y);
    }

    @Async
    static Task<Void> getResults() {
        int result1 = await(add(3, 4));
        int result2 = await(add(5, 5));
        System.out.println(result1 + " " + result2);   // Prints 7 10
        return done();
    }

    public static void main(String[] args) {
        run(getResults());
    }
}
