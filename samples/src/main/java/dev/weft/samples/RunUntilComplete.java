package dev.weft.samples;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.Task;

import static dev.weft.Weft.*;

/** asyncio_basic_2.py: pass a coroutine to a loop with run_until_complete. Prints 7. */
public class RunUntilComplete {
    @Async
    static Task<Integer> add(int x, int y) {
        return done(x + y);
    }

    public static void main(String[] args) {
        try (EventLoop loop = EventLoop.newEventLoop()) {
            int result = loop.runUntilComplete(add(3, 4));
            System.out.println(result);   // Prints 7
        }
    }
}
