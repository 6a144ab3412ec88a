package dev.weft.weaver.validation;

import dev.weft.weaver.Problem;

/**
 * Tells a refusal the weaver meant (a rule of the weaving contract, with what to do) from one it reports because it
 * failed: {@code weave()} catches its own exceptions and returns them as problems, so a test of bad or unusual input
 * must look at the message to know that the weaver did not crash.
 */
public final class WeaverFailures {
    private static final String[] FAILURE_OPENINGS = {
        "the weaver failed", "cannot write the woven class", "cannot read the class file",
    };

    private WeaverFailures() {
    }

    /** True if {@code p} reports a failure inside the weaver rather than a refusal it meant. */
    public static boolean isWeaverFailure(Problem p) {
        for (String opening : FAILURE_OPENINGS) {
            if (p.message().startsWith(opening)) {
                return true;
            }
        }
        return false;
    }
}
