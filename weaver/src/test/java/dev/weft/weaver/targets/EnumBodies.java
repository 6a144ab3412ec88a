package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;
import static dev.weft.weaver.targets.Awaitables.v;

/** Calls the @Async methods that the constant bodies of {@link OpViaInterface} override. */
public class EnumBodies {
    @Async
    static Task<String> describeAll(int m) {
        StringBuilder sb = new StringBuilder();
        for (Operation op : OpViaInterface.values()) {
            int a = await(v(m, 9));
            int r = await(op.apply(a, 4));
            sb.append(a).append(op.symbol()).append(4).append('=').append(r).append(" (").append(op).append("); ");
        }
        return done(sb.toString());
    }
}
