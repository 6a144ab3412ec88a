package dev.weft.conformance.stress;

import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The ways a task awaits a contended operation (a lock's acquire, a queue's get or put, a condition's wait): directly,
 * or through one of Weft's wrappers. {@link Through#via} makes the await; the stress workers pick a way at random for
 * each operation, and the deterministic tests run each case once per way.
 *
 * <p>The names read well in a test's display name: "lockGrantedThenCancelledThrough" + {@code WaitFor} + "...".
 */
enum Via {
    DIRECT("Await", true),
    WAIT_FOR("WaitFor", true),
    SHIELD("Shield", false),
    GATHER("Gather", true),
    /** {@code gather(op, sleep(n))}: the gather may still wait for its sibling once the operation is granted. */
    GATHER_WITH_SIBLING("GatherWithASibling", true),
    GATHER_OUTCOMES("GatherOutcomes", true),
    WAIT_TASKS("WaitTasks", false),
    AS_COMPLETED("AsCompleted", false),
    TIMEOUT_SCOPE("ATimeoutScope", true);

    private final String label;
    /**
     * True if cancelling the wrapper cancels the operation and waits until it has finished cancelling. Only these may
     * carry a {@code Condition} wait, which must hold the lock again whenever it ends: a wrapper that lets its
     * operation go on (shield, waitTasks, asCompleted) would end while the operation still waits for the lock.
     */
    final boolean waitsForTheOperation;

    Via(String label, boolean waitsForTheOperation) {
        this.label = label;
        this.waitsForTheOperation = waitsForTheOperation;
    }

    /** {@code -Dweft.stress.via=WAIT_FOR,SHIELD} narrows the stress runs to those ways, to find which one fails. */
    private static final Via[] ALL = only(values());
    private static final Via[] WAITING = only(new Via[] {DIRECT, WAIT_FOR, GATHER, GATHER_WITH_SIBLING,
            GATHER_OUTCOMES, TIMEOUT_SCOPE});

    private static Via[] only(Via[] ways) {
        String asked = System.getProperty("weft.stress.via", "").trim();
        if (asked.isEmpty()) {
            return ways;
        }
        java.util.List<String> names = java.util.Arrays.asList(asked.split("\\s*,\\s*"));
        Via[] kept = java.util.Arrays.stream(ways).filter(v -> names.contains(v.name())).toArray(Via[]::new);
        return kept.length == 0 ? new Via[] {DIRECT} : kept;
    }

    /** Any way, each equally likely. */
    static Via any(Random r) {
        return ALL[r.nextInt(ALL.length)];
    }

    /** A way that waits for its operation to finish cancelling: see {@link #waitsForTheOperation}. */
    static Via waiting(Random r) {
        return WAITING[r.nextInt(WAITING.length)];
    }

    /** True if the way can end with {@code AsyncTimeoutException} (given a timeout of its own). */
    boolean mayTimeOut() {
        return this == WAIT_FOR || this == TIMEOUT_SCOPE || this == WAIT_TASKS || this == AS_COMPLETED;
    }

    /** Each of {@code kinds} paired with each way: the arguments of a test run once per kind and way. */
    static Stream<Arguments> withEveryWay(Object[] kinds) {
        List<Arguments> all = new ArrayList<>();
        for (Object k : kinds) {
            for (Via v : values()) {
                all.add(Arguments.of(k, v));
            }
        }
        return all.stream();
    }

    @Override
    public String toString() {
        return label;
    }
}
