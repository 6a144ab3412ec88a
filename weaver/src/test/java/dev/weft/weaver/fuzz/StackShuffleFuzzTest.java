package dev.weft.weaver.fuzz;

import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.weaver.Problem;
import dev.weft.weaver.WeaveResult;
import dev.weft.weaver.Weaver;
import dev.weft.weaver.handbuilt.HandBuiltRun;
import dev.weft.weaver.targets.Awaitables;
import dev.weft.weaver.validation.WeaverFailures;
import dev.weft.weaver.validation.WeavingClassLoader;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Stack shuffles around awaits and around uninitialized objects ({@link StackShuffleGenerator}), woven and run: each
 * generated method is run unwoven (its awaits done at once, in {@code Awaitables.DONE} mode) and woven on a
 * virtual-time loop in every awaitables mode. The woven result, value or exception, must equal the unwoven one; or,
 * for a method that shuffles uninitialized objects, the weaver may refuse it, on purpose (not a weaver failure). A
 * method that only shuffles ordinary values must always be woven. CI runs a fixed set of seeds; a soak runs fresh
 * ones, with the properties of {@link DifferentialFuzzTest}:
 *
 * <pre>
 * mvn -B -ntp verify -pl weaver -am -Dtest=StackShuffleFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dweft.fuzz.soak=200000 [-Dweft.fuzz.seed=FIRST_SEED] [-Dweft.fuzz.threads=N]
 * </pre>
 *
 * {@code -Dweft.fuzz.soak=1 -Dweft.fuzz.seed=S} reruns exactly the method of seed {@code S}.
 */
class StackShuffleFuzzTest {
    private static final long FIXED_FIRST_SEED = 1;
    private static final int FIXED_COUNT = 4000;
    private static final int CHUNK = 250;
    private static final int FULLY_REPORTED = 3;
    private static final int[] MODES = {Awaitables.SLEEP, Awaitables.DONE, Awaitables.ALTERNATE};

    /** What can be wrong with a generated method. */
    enum Trouble {
        GENERATOR_BUG("the unwoven method fails the verifier (a generator bug)"),
        WEAVER_FAILURE("refused by a weaver failure, not by a rule"),
        ORDINARY_REFUSED("refused, though it shuffles only ordinary values"),
        NOT_WOVEN("left untouched"),
        WOVEN_FAILS_VERIFIER("woven into code the verifier rejects"),
        WOVEN_DIFFERS("woven into code that gives another result");

        final String meaning;

        Trouble(String meaning) {
            this.meaning = meaning;
        }
    }

    /** A method whose woven form differs from its unwoven one, or that the weaver should have woven. */
    record Finding(StackShuffleGenerator.Case shuffle, Trouble trouble, String detail) {
    }

    /** What a run found, and how the methods that passed were handled, by family. */
    static final class Tally {
        final List<Finding> findings = new ArrayList<>();
        int ordinaryStraddlingWoven;
        int ordinaryWoven;
        int uninitializedStraddlingWoven;
        int uninitializedWoven;
        int uninitializedRefused;

        synchronized void add(Tally other) {
            findings.addAll(other.findings);
            ordinaryStraddlingWoven += other.ordinaryStraddlingWoven;
            ordinaryWoven += other.ordinaryWoven;
            uninitializedStraddlingWoven += other.uninitializedStraddlingWoven;
            uninitializedWoven += other.uninitializedWoven;
            uninitializedRefused += other.uninitializedRefused;
        }

        @Override
        public String toString() {
            return "ordinary: " + ordinaryWoven + " woven (" + ordinaryStraddlingWoven + " with a NEW across an "
                    + "await); uninitialized shuffles: " + uninitializedWoven + " woven ("
                    + uninitializedStraddlingWoven + " with a NEW across an await), " + uninitializedRefused
                    + " refused";
        }
    }

    @Test
    void fixedShufflesRunWovenAsUnwovenOrAreRefused() {
        assumeTrue(SoakSettings.soakCount() == 0, "soak mode runs fresh seeds instead");
        long began = System.nanoTime();
        Tally tally = run(FIXED_FIRST_SEED, FIXED_COUNT, SoakSettings.threads());
        System.out.println("Stack shuffles: " + FIXED_COUNT + " methods in "
                + (System.nanoTime() - began) / 1_000_000 + " ms; " + tally);
        assertTrue(tally.findings.isEmpty(), () -> report(tally.findings));
        // Not vacuous: both families weave in good numbers, with NEWs across awaits, and some shuffles are refused.
        assertTrue(tally.ordinaryStraddlingWoven > FIXED_COUNT / 20, tally::toString);
        assertTrue(tally.uninitializedStraddlingWoven > FIXED_COUNT / 20, tally::toString);
        assertTrue(tally.uninitializedWoven > FIXED_COUNT / 5, tally::toString);
        assertTrue(tally.uninitializedRefused > FIXED_COUNT / 10, tally::toString);
    }

    @Test
    void soakShufflesRunWovenAsUnwovenOrAreRefused() {
        int count = SoakSettings.soakCount();
        assumeTrue(count > 0, "set -Dweft.fuzz.soak=COUNT to soak");
        long first = SoakSettings.firstSeed();
        System.out.println("Stack shuffle soak: " + count + " methods, seeds " + first + " to " + (first + count - 1)
                + ", " + SoakSettings.threads() + " thread(s)");
        long began = System.nanoTime();
        Tally tally = run(first, count, SoakSettings.threads());
        System.out.println("Stack shuffle soak: " + count + " methods in " + (System.nanoTime() - began) / 1_000_000
                + " ms, " + tally.findings.size() + " finding(s); " + tally);
        if (!tally.findings.isEmpty()) {
            System.out.println(report(tally.findings));
        }
        assertTrue(tally.findings.isEmpty(), () -> tally.findings.size() + " finding(s), see the output above");
    }

    /** Checks seeds {@code first} to {@code first + count - 1} in chunks, on {@code threads} threads. */
    private static Tally run(long first, int count, int threads) {
        // One parent loader a thread: it weaves Awaitables once, and every generated class is defined over it.
        ThreadLocal<ClassLoader> parent = ThreadLocal.withInitial(WeavingClassLoader::new);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Tally>> chunks = new ArrayList<>();
            for (int start = 0; start < count; start += CHUNK) {
                long from = first + start;
                int size = Math.min(CHUNK, count - start);
                chunks.add(pool.submit(() -> {
                    Tally tally = new Tally();
                    for (long seed = from; seed < from + size; seed++) {
                        check(StackShuffleGenerator.generate(seed), parent.get(), tally);
                    }
                    return tally;
                }));
            }
            Tally total = new Tally();
            for (Future<Tally> chunk : chunks) {
                total.add(chunk.get());
            }
            total.findings.sort(Comparator.comparingLong(f -> f.shuffle().seed()));
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a chunk failed to run", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one method unwoven and woven; adds a finding or counts how it passed. */
    private static void check(StackShuffleGenerator.Case shuffle, ClassLoader parent, Tally tally) {
        String name = shuffle.className();
        Object unwoven;
        try {
            Class<?> synchronous = HandBuiltRun.define(name, HandBuiltRun.awaitingSynchronously(shuffle.classFile()),
                    parent);
            Object[] args = {Awaitables.DONE};
            unwoven = HandBuiltRun.outcome(() -> ((Task<?>) HandBuiltRun.call(synchronous, "run", args)).result());
        } catch (VerifyError e) {
            tally.findings.add(new Finding(shuffle, Trouble.GENERATOR_BUG, e.toString()));
            return;
        }
        WeaveResult result = new Weaver().weave(shuffle.classFile());
        boolean ordinary = shuffle.family() == StackShuffleGenerator.Family.ORDINARY;
        if (result.outcome() == WeaveResult.Outcome.REFUSED) {
            Problem p = result.problems().get(0);
            if (WeaverFailures.isWeaverFailure(p) || !p.message().contains("this bytecode cannot be woven")) {
                tally.findings.add(new Finding(shuffle, Trouble.WEAVER_FAILURE, result.problems().toString()));
            } else if (ordinary) {
                tally.findings.add(new Finding(shuffle, Trouble.ORDINARY_REFUSED, result.problems().toString()));
            } else {
                tally.uninitializedRefused++;
            }
            return;
        }
        if (result.outcome() != WeaveResult.Outcome.WOVEN) {
            tally.findings.add(new Finding(shuffle, Trouble.NOT_WOVEN, result.outcome() + " " + result.problems()));
            return;
        }
        Class<?> woven;
        try {
            woven = HandBuiltRun.define(name, result.bytes(), parent);
        } catch (VerifyError e) {
            tally.findings.add(new Finding(shuffle, Trouble.WOVEN_FAILS_VERIFIER, e.toString()));
            return;
        }
        for (int mode : MODES) {
            Object[] args = {mode};
            Object outcome = HandBuiltRun.outcome(() -> Weft.run((Task<?>) HandBuiltRun.call(woven, "run", args),
                    EventLoop::newVirtualTimeLoop));
            if (!unwoven.equals(outcome)) {
                tally.findings.add(new Finding(shuffle, Trouble.WOVEN_DIFFERS, "in mode " + mode
                        + " it gives " + outcome + " where unwoven it gives " + unwoven));
                return;
            }
        }
        if (ordinary) {
            tally.ordinaryWoven++;
            tally.ordinaryStraddlingWoven += shuffle.straddles() ? 1 : 0;
        } else {
            tally.uninitializedWoven++;
            tally.uninitializedStraddlingWoven += shuffle.straddles() ? 1 : 0;
        }
    }

    private static String report(List<Finding> findings) {
        StringBuilder out = new StringBuilder(findings.size() + " generated method(s) fail.");
        for (Trouble trouble : Trouble.values()) {
            long count = findings.stream().filter(f -> f.trouble() == trouble).count();
            if (count > 0) {
                out.append("\n  ").append(count).append(' ').append(trouble.meaning);
            }
        }
        out.append("\nSeeds:");
        findings.forEach(f -> out.append(' ').append(f.shuffle().seed()));
        for (Finding f : findings.subList(0, Math.min(FULLY_REPORTED, findings.size()))) {
            long seed = f.shuffle().seed();
            out.append("\n\n=== seed ").append(seed).append(" (").append(f.shuffle().family()).append("): ")
                    .append(f.trouble().meaning).append(": ").append(f.detail())
                    .append("\nRerun: mvn -B -ntp verify -pl weaver -am -Dtest=StackShuffleFuzzTest")
                    .append(" -Dsurefire.failIfNoSpecifiedTests=false -Dweft.fuzz.soak=1 -Dweft.fuzz.seed=")
                    .append(seed)
                    .append("\nBytecode of ").append(StackShuffleGenerator.METHOD).append(":\n")
                    .append(bytecode(StackShuffleGenerator.generate(seed)));
        }
        return out.toString();
    }

    /** The generated method as text, one instruction a line. */
    private static String bytecode(StackShuffleGenerator.Case shuffle) {
        Textifier text = new Textifier();
        shuffle.method().accept(new TraceMethodVisitor(text));
        StringWriter out = new StringWriter();
        text.print(new PrintWriter(out));
        return out.toString();
    }
}
