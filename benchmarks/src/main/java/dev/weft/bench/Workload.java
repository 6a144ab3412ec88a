package dev.weft.bench;

/** What every side of a comparison computes, so their results (checksums) can be checked equal. */
public final class Workload {
    private Workload() {
    }

    /**
     * The value the {@code i}-th message, task or await carries. It stays within {@link Integer}'s cache of small
     * values, so no side allocates a box per value and allocation per operation is the primitive's own.
     */
    public static int small(int i) {
        return i & 63;
    }

    /** The sum of {@link #small(int)} over {@code 0 <= i < n}: the checksum of most workloads. */
    public static long sumOfSmall(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += small(i);
        }
        return sum;
    }
}
