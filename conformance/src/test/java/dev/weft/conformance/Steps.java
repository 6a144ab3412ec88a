package dev.weft.conformance;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Numbered steps, in the style of kotlinx.coroutines' tests: each piece of code records the step it expects to be, so
 * a test states the exact interleaving and fails at the first step out of order.
 */
public final class Steps {
    private final List<String> log = new ArrayList<>();
    private int next = 1;

    /** Records step {@code n}, which must be the next one. */
    public void expect(int n) {
        expect(n, "");
    }

    /** Records step {@code n} with a note. */
    public void expect(int n, String note) {
        log.add(n + (note.isEmpty() ? "" : " " + note));
        assertEquals(next, n, "step out of order; so far: " + log);
        next++;
    }

    /** Asserts that exactly {@code n} steps were recorded. */
    public void finish(int n) {
        assertEquals(n + 1, next, "steps recorded: " + log);
    }

    /** A step that must never be reached. */
    public AssertionError unreachable(String where) {
        return new AssertionError("unreachable: " + where + "; steps so far: " + log);
    }

    @Override
    public String toString() {
        return log.toString();
    }
}
