package dev.weft.bench.neversuspends;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.done;

/** The method that never suspends, woven: its body is {@link PlainArithmetic#mix(int)}'s, character for character. */
final class WovenArithmetic {
    private WovenArithmetic() {
    }

    @Async
    static Task<Integer> mix(int x) {
        int h = x * 0x9E3779B9;
        h ^= h >>> 15;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return done(h & 63);
    }
}
