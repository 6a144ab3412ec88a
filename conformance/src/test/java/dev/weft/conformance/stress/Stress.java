package dev.weft.conformance.stress;

import dev.weft.EventLoop;
import dev.weft.ExceptionContext;
import org.junit.jupiter.api.TestInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * How the stress tests pick their seeds and bound their runs, in the style of kotlinx.coroutines' stress suites: CI
 * runs a fixed set of seeds; {@code -Dweft.stress.soak=N} runs N fresh seeds per test instead, and
 * {@code -Dweft.stress.soak=10m} (or {@code 90s}, {@code 2h}) as many as fit in that time;
 * {@code -Dweft.stress.seed=S} reruns exactly seed S. A scenario on a virtual-time loop is a function of its seed
 * alone (one thread, no clock, no hash order), so a seed that failed once fails again on any machine.
 *
 * <p>Each seed runs on a thread of its own, bounded by {@code weft.stress.seedTimeout} seconds (30 unless set): the
 * scenarios detect a deadlock themselves (a watchdog timer in virtual time), so the bound only catches what they
 * cannot, such as a loop that spins. A failure names the seed and the command that reruns it.
 */
final class Stress {
    static final String SEED = "weft.stress.seed";
    static final String SOAK = "weft.stress.soak";
    static final String SEED_TIMEOUT = "weft.stress.seedTimeout";

    private Stress() {
    }

    /** One seed's run: its seed, the loop it ran on, and what the loop reported to its exception handler. */
    static final class Run {
        final long seed;
        final List<ExceptionContext> reports = Collections.synchronizedList(new ArrayList<>());
        private volatile EventLoop loop;

        Run(long seed) {
            this.seed = seed;
        }

        /** For {@code Weft.run(task, factory)}: a virtual-time loop whose reports this run collects. */
        Supplier<EventLoop> virtualTime() {
            return () -> watched(EventLoop.newVirtualTimeLoop());
        }

        /** As {@link #virtualTime()}, on the real clock. */
        Supplier<EventLoop> realTime() {
            return () -> watched(EventLoop.newEventLoop());
        }

        /**
         * Runs {@code task} on a fresh virtual-time loop, then closes the loop. Unlike {@code Weft.run}, it does not
         * cancel the tasks left and wait for them: a scenario checks itself that none is left, and a task that a
         * broken runtime left unable to finish (waiting for a lock no one holds) would make that wait endless.
         */
        <T> T runVirtual(dev.weft.Task<T> task) {
            EventLoop l = virtualTime().get();
            try {
                return l.runUntilComplete(task);
            } finally {
                l.close();
            }
        }

        private EventLoop watched(EventLoop made) {
            made.setExceptionHandler((l, context) -> reports.add(context));
            loop = made;
            return made;
        }
    }

    /** What a test runs for one seed; it throws (an AssertionError) when an invariant does not hold. */
    interface Body {
        void run(Run run) throws Throwable;
    }

    /** Runs {@code body} for each seed of this run: {@code ciSeeds}, or the soak's, or the one asked for. */
    static void forEachSeed(TestInfo info, long[] ciSeeds, Body body) {
        String rerun = rerunCommand(info);
        String one = System.getProperty(SEED, "").trim();
        String soak = System.getProperty(SOAK, "").trim();
        if (!one.isEmpty()) {
            runOne(Long.parseLong(one), body, rerun);
        } else if (soak.isEmpty()) {
            for (long seed : ciSeeds) {
                runOne(seed, body, rerun);
            }
        } else {
            soak(info, soak, body, rerun);
        }
    }

    /** True in a soak run: scenarios may then grow past the size CI can afford. */
    static boolean soaking() {
        return !System.getProperty(SOAK, "").isBlank();
    }

    private static void soak(TestInfo info, String soak, Body body, String rerun) {
        long count = Long.MAX_VALUE;
        long deadline = Long.MAX_VALUE;
        long start = System.nanoTime();
        char unit = Character.toLowerCase(soak.charAt(soak.length() - 1));
        if (Character.isDigit(unit)) {
            count = Long.parseLong(soak);
        } else {
            long amount = Long.parseLong(soak.substring(0, soak.length() - 1));
            long seconds = unit == 'h' ? amount * 3600 : unit == 'm' ? amount * 60 : amount;
            deadline = start + seconds * 1_000_000_000L;
        }
        SplittableRandom fresh = new SplittableRandom();
        String name = info.getDisplayName();
        long done = 0;
        while (done < count && System.nanoTime() < deadline) {
            runOne(fresh.nextLong() >>> 1, body, rerun);   // non-negative: easier to paste
            done++;
            if (done % 100 == 0) {
                System.out.printf(Locale.ROOT, "stress soak %s: %d seeds passed in %d s%n", name, done,
                        (System.nanoTime() - start) / 1_000_000_000L);
            }
        }
        System.out.printf(Locale.ROOT, "stress soak %s: %d seeds passed in %d s%n", name, done,
                (System.nanoTime() - start) / 1_000_000_000L);
    }

    private static void runOne(long seed, Body body, String rerun) {
        Run run = new Run(seed);
        Throwable[] failure = {null};
        Thread thread = new Thread(() -> {
            try {
                body.run(run);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "weft-stress-seed-" + seed);
        thread.setDaemon(true);
        long timeoutSeconds = Long.getLong(SEED_TIMEOUT, 30);
        thread.start();
        try {
            thread.join(timeoutSeconds * 1000);
            if (thread.isAlive()) {
                StackTraceElement[] where = thread.getStackTrace();
                EventLoop loop = run.loop;
                if (loop != null) {
                    loop.callSoonThreadsafe(loop::stop);   // let the loop thread end, if it still takes callbacks
                }
                thread.join(2000);
                AssertionError hang = new AssertionError("seed " + seed + " did not finish within " + timeoutSeconds
                        + " s (a spinning loop or a wake-up lost in real time); the seed's thread was at:\n    "
                        + String.join("\n    ", Arrays.stream(where).limit(25).map(String::valueOf)
                        .toArray(String[]::new)) + "\nrerun: " + rerun + seed);
                throw hang;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while seed " + seed + " ran", e);
        }
        if (failure[0] != null) {
            Throwable t = failure[0];
            throw new AssertionError("seed " + seed + ": " + t + "\nrerun: " + rerun + seed, t);
        }
    }

    /**
     * For the deterministic tests: runs {@code task} on a virtual-time loop and fails if the loop reported anything
     * (a failure never retrieved, a callback that threw).
     */
    static <T> T runVirtual(dev.weft.Task<T> task) {
        Run run = new Run(0);
        T value = run.runVirtual(task);
        if (!run.reports.isEmpty()) {
            throw new AssertionError("the loop reported: " + run.reports);
        }
        return value;
    }

    private static String rerunCommand(TestInfo info) {
        String test = info.getTestClass().map(Class::getSimpleName).orElse("?") + "#"
                + info.getTestMethod().map(m -> m.getName()).orElse("?");
        return "mvn -B -ntp -q verify -pl runtime,conformance -am -Dtest='" + test
                + "' -Dsurefire.failIfNoSpecifiedTests=false -D" + SEED + "=";
    }

    /**
     * Fails with every line of {@code problems}, or does nothing if there is none. With
     * {@code -Dweft.stress.verbose=true} a passing run prints its summary, to see what a seed exercised.
     */
    static void assertNone(List<String> problems, String summary) {
        if (problems.isEmpty() && Boolean.getBoolean("weft.stress.verbose")) {
            System.out.println("stress: passed: " + summary);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " invariant(s) broken: " + String.join("; ", problems)
                    + "\n  run: " + summary);
        }
    }
}
