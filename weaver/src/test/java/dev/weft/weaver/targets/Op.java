package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;
import static dev.weft.weaver.targets.Awaitables.v;

/** An enum whose constants override an @Async method in their class bodies. */
public enum Op {
    PLUS("+") {
        @Override
        @Async
        Task<Integer> apply(int a, int b) {
            int x = await(Awaitables.slow(a));
            return done(x + await(Awaitables.slow(b)));
        }
    },
    TIMES("*") {
        @Override
        @Async
        Task<Integer> apply(int a, int b) {
            await(sleep(1));
            return done(a * b + symbol.length() - 1);
        }
    },
    MINUS("-");

    final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    /** The default, used by constants without a body. */
    @Async
    Task<Integer> apply(int a, int b) {
        await(sleep(1));
        return done(a - b);
    }

    @Async
    Task<String> describe(int a, int b) {
        int r = await(apply(a, b));
        return done(a + symbol + b + "=" + r + " (" + name() + ")");
    }

    @Async
    static Task<String> describeAll(int m) {
        StringBuilder sb = new StringBuilder();
        for (Op op : values()) {
            sb.append(await(op.describe(await(v(m, 9)), 4))).append("; ");
        }
        sb.append(await(PLUS.apply(1, 2))).append(' ').append(PLUS.getClass() != Op.class);
        return done(sb.toString());
    }
}
