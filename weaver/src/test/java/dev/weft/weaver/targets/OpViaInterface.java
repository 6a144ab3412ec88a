package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;
import static dev.weft.weaver.targets.Awaitables.v;

/**
 * Enum constants whose class bodies override an @Async method, as in {@link Op}; here the overridden @Async method is
 * the default method of {@link Operation}, and the enum class itself has no @Async method, so it is not woven while
 * its constant bodies are.
 */
public enum OpViaInterface implements Operation {
    PLUS("+") {
        @Override
        @Async
        public Task<Integer> apply(int a, int b) {
            int x = await(Awaitables.slow(a));
            return done(x + await(Awaitables.slow(b)));
        }
    },
    TIMES("*") {
        @Override
        @Async
        public Task<Integer> apply(int a, int b) {
            await(sleep(1));
            return done(a * b + symbol.length() - 1);
        }
    },
    MINUS("-");

    final String symbol;

    OpViaInterface(String symbol) {
        this.symbol = symbol;
    }

    @Override
    public String symbol() {
        return symbol;
    }
}
