package dev.weft.bench.neversuspends;

import dev.weft.Task;

import static dev.weft.Weft.done;

/**
 * The same method unwoven: no {@code @Async}, so the weaver leaves it alone and it runs its body when called. The
 * result stays in Integer's cache, so neither twin allocates a box.
 */
final class PlainArithmetic {
    private PlainArithmetic() {
    }

    static Task<Integer> mix(int x) {
        int h = x * 0x9E3779B9;
        h ^= h >>> 15;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return done(h & 63);
    }
}
