package dev.weft.weaver.fuzz;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Differential fuzzing of the weaver: generated {@code @Async} methods, woven and run on a loop, must behave exactly as
 * their synchronous twins (see {@link ProgramGenerator}). CI runs a fixed set of programs; the soak runs fresh ones:
 *
 * <pre>
 * mvn -B -ntp verify -pl weaver -am -Dtest=DifferentialFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dweft.fuzz.soak=20000 [-Dweft.fuzz.seed=FIRST_SEED]
 * </pre>
 *
 * <p>{@code weft.fuzz.soak} is how many programs to run, {@code weft.fuzz.seed} the first seed (the programs take the
 * seeds that follow it; fresh and printed when not given). {@code -Dweft.fuzz.soak=1 -Dweft.fuzz.seed=S} reruns
 * exactly program {@code S}. {@code weft.fuzz.threads} is how many programs run at once (one per processor by default).
 */
class DifferentialFuzzTest {
    private static final long FIXED_FIRST_SEED = 1;
    private static final int FIXED_COUNT = 300;
    private static final int FULLY_REPORTED = 3;

    @Test
    void fixedProgramsBehaveAsTheirSynchronousTwins() {
        assumeTrue(SoakSettings.soakCount() == 0, "soak mode runs fresh programs instead");
        FuzzCampaign.Result result = FuzzCampaign.run(FIXED_FIRST_SEED, FIXED_COUNT, SoakSettings.threads());
        assertTrue(result.findings().isEmpty(), () -> report(result.findings()));
        // Not vacuous: the programs both finish and fail, in good numbers.
        assertTrue(result.returned() > FIXED_COUNT / 3, result.returned() + " of the programs returned");
        assertTrue(result.threw() > FIXED_COUNT / 10, result.threw() + " of the programs threw");
    }

    @Test
    void soakProgramsBehaveAsTheirSynchronousTwins() {
        int count = SoakSettings.soakCount();
        assumeTrue(count > 0, "set -Dweft.fuzz.soak=COUNT to soak");
        long first = SoakSettings.firstSeed();
        System.out.println("Differential fuzz soak: " + count + " programs, seeds " + first + " to "
                + (first + count - 1) + ", " + SoakSettings.threads() + " thread(s)");
        long began = System.nanoTime();
        FuzzCampaign.Result result = FuzzCampaign.run(first, count, SoakSettings.threads());
        long seconds = (System.nanoTime() - began) / 1_000_000_000L;
        List<DifferentialRunner.Finding> findings = result.findings();
        System.out.println("Differential fuzz soak: " + count + " programs in " + seconds + " s, " + findings.size()
                + " finding(s); " + result.returned() + " returned and " + result.threw() + " threw as their twins");
        if (!findings.isEmpty()) {
            System.out.println(report(findings));
        }
        assertTrue(findings.isEmpty(), () -> findings.size() + " finding(s), see the output above");
    }

    private static String report(List<DifferentialRunner.Finding> findings) {
        StringBuilder out = new StringBuilder(findings.size() + " program(s) differ from their twins. Seeds:");
        findings.forEach(f -> out.append(' ').append(f.seed()));
        for (DifferentialRunner.Finding f : findings.subList(0, Math.min(FULLY_REPORTED, findings.size()))) {
            out.append("\n\n=== seed ").append(f.seed()).append(": ").append(f.problem())
                    .append("\nRerun: mvn -B -ntp verify -pl weaver -am -Dtest=DifferentialFuzzTest")
                    .append(" -Dsurefire.failIfNoSpecifiedTests=false -Dweft.fuzz.soak=1 -Dweft.fuzz.seed=")
                    .append(f.seed())
                    .append("\nSource:\n").append(DifferentialRunner.sourceOf(f.seed()));
        }
        return out.toString();
    }
}
