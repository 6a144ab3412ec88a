package dev.weft.samples;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.Task;

import static dev.weft.Weft.*;

/**
 * asyncio_basic_4.py: a task awaits two coroutines on a loop that runs forever, prints their results and stops the
 * loop. Prints {@code 7 10}.
 */
public class GetResults {
    static final EventLoop LOOP = EventLoop.newEventLoop();

    @Async
    static Task<Integer> add(int x, int y) {
        return done(x + y);
    }

    @Async
    static Task<Void> getResults() {
        int result1 = await(add(3, 4));
        int result2 = await(add(5, 5));
        System.out.println(result1 + " " + result2);   // Prints 7 10
        LOOP.stop();
        return done();
    }

    public static void main(String[] args) {
        LOOP.createTask(getResults());
        try {
            LOOP.runForever();   // blocks until getResults calls stop()
        } finally {
            LOOP.close();
        }
    }
}
