package dev.weft.bench;

import java.util.concurrent.Callable;

/** Running a peer's driver in a virtual thread, so that every thread of the work is virtual. */
public final class VirtualThreads {
    /** The JVM options of the one-carrier forks: the scheduler gets one carrier thread, as a Weft loop has one. */
    public static final String ONE_CARRIER_PARALLELISM = "-Djdk.virtualThreadScheduler.parallelism=1";
    public static final String ONE_CARRIER_MAX_POOL = "-Djdk.virtualThreadScheduler.maxPoolSize=1";

    private VirtualThreads() {
    }

    /** Runs {@code driver} in a new virtual thread, waits for it and returns its result or throws its exception. */
    public static long call(Callable<Long> driver) throws Exception {
        long[] result = new long[1];
        Exception[] failure = new Exception[1];
        Thread thread = Thread.ofVirtual().start(() -> {
            try {
                result[0] = driver.call();
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        thread.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        return result[0];
    }
}
