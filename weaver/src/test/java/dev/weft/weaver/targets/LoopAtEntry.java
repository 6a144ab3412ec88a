package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

/**
 * Static @Async methods without arguments whose code starts with a loop: javac puts a stack map frame at offset 0 of
 * the original code (the loop head).
 */
public class LoopAtEntry {
    static int ticks;

    @Async
    static Task<Integer> whileAtEntry() {
        while (ticks < 5) {
            ticks++;
            await(sleep(0));
        }
        return done(ticks);
    }
}
