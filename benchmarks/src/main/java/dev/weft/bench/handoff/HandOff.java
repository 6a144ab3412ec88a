package dev.weft.bench.handoff;

import dev.weft.bench.Workload;

/**
 * Ping-pong between two tasks: the pinger sends {@link Workload#small(int) small(i)}, the ponger answers with one
 * more. Each round is two messages; the figure is per message.
 */
public final class HandOff {
    public static final int ROUNDS = 5_000;
    public static final int MESSAGES = 2 * ROUNDS;

    private HandOff() {
    }

    /** The sum of the answers the pinger receives. */
    public static long checksum() {
        return Workload.sumOfSmall(ROUNDS) + ROUNDS;
    }
}
