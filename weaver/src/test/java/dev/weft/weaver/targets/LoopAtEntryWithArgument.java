package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

/** As {@link LoopAtEntry}, but the method has an argument, so the weaver restores it before the loop head. */
public class LoopAtEntryWithArgument {
    @Async
    static Task<Integer> whileAtEntry(int limit) {
        int ticks = 0;
        while (ticks < limit) {
            ticks++;
            await(sleep(0));
        }
        return done(ticks);
    }

    @Async
    static Task<Integer> whileAtEntryOnArgument(int countdown) {
        while (countdown > 0) {
            countdown--;
            await(sleep(0));
        }
        return done(countdown);
    }
}
