package dev.weft.samples;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.Task;

import static dev.weft.Weft.*;

/** asyncio_basic_3.py: run_until_complete twice on one loop, one after the other. Prints 7 then 10. */
public class TwoRunsOneLoop {
    @Async
    static Task<Integer> add(int x, int y) {
        return done(x + y);
    }

    public static void main(String[] args) {
        try (EventLoop loop = EventLoop.newEventLoop()) {
            int result1 = loop.runUntilComplete(add(3, 4));
            int result2 = loop.runUntilComplete(add(5, 5));
            System.out.println(result1);   // Prints 7
            System.out.println(result2);   // Prints 10
        }
    }
}
