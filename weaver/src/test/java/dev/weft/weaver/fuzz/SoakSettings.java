package dev.weft.weaver.fuzz;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The system properties every fuzz test of this package reads (set through the weaver's pom): {@code weft.fuzz.soak}
 * (how many fresh cases; 0, the default, runs the fixed set), {@code weft.fuzz.seed} (the first seed of a soak) and
 * {@code weft.fuzz.threads} (how many cases run at once).
 */
final class SoakSettings {
    private SoakSettings() {
    }

    /** {@code weft.fuzz.soak}, or 0. */
    static int soakCount() {
        String count = System.getProperty("weft.fuzz.soak", "");
        return count.isBlank() ? 0 : Integer.parseInt(count.trim());
    }

    /** {@code weft.fuzz.seed}, or a fresh seed (the caller prints it). */
    static long firstSeed() {
        String seed = System.getProperty("weft.fuzz.seed", "");
        return seed.isBlank() ? ThreadLocalRandom.current().nextLong() & 0xFFFF_FFFF_FFFFL : Long.parseLong(seed.trim());
    }

    /** {@code weft.fuzz.threads}, or one per processor. */
    static int threads() {
        String threads = System.getProperty("weft.fuzz.threads", "");
        return threads.isBlank() ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads.trim());
    }
}
