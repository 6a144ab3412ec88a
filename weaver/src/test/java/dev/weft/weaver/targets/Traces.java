package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

public class Traces {
    @Async
    static Task<Integer> throwsAfterAwait(int x) {
        int y = await(sleep(1)) == null ? x : 0;
        if (y > 0) {
            throw new IllegalStateException("boom " + y);      // line 13
        }
        return done(y);
    }

    static int helper(int v) {
        throw new ArithmeticException("helper " + v);          // line 19
    }

    @Async
    static Task<Integer> callsHelperAfterAwait() {
        await(sleep(1));
        int r = helper(3);                                     // line 25
        return done(r);
    }
}
