package dev.weft.weaver;

import dev.weft.weaver.validation.Targets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Memory is O(1) in the number of suspensions. Runs in its own surefire execution with {@code -Xmx96m} (see the
 * weaver's pom): an implementation that kept anything per suspension would run out of heap.
 */
class SuspensionMemoryTest {
    private final Targets targets = new Targets();

    @Test
    void twoMillionSuspensionsOfOneTaskFitIn96Megabytes() throws Throwable {
        int n = 2_000_000;
        assertEquals((long) n * (n - 1) / 2, targets.run("Reachability", "suspendsManyTimes", n));
    }

    @Test
    void twoMillionSuspensionsAcrossManyTasksFitIn96Megabytes() throws Throwable {
        int tasks = 20_000;
        int rounds = 100;
        assertEquals((long) rounds * tasks * (tasks - 1) / 2, targets.run("Reachability", "manyTasks", tasks, rounds));
    }

    @Test
    void heapLimitIsTheOneThisTestClaims() {
        long max = Runtime.getRuntime().maxMemory();
        assertEquals(true, max <= 96L * 1024 * 1024, "run with -Xmx96m, not " + max);
    }
}
