package dev.weft.weaver;

import java.util.List;

/** What {@link Weaver#weave(byte[], String)} made of one class. */
public final class WeaveResult {

    /** The three ways weaving a class ends. */
    public enum Outcome {
        /** The class had {@code @Async} methods and {@link #bytes()} holds the woven class. */
        WOVEN,
        /** The class needs no weaving (no {@code @Async}, or already woven): {@link #bytes()} is the input. */
        UNTOUCHED,
        /** The class breaks a weaving rule: {@link #problems()} says where and why; {@link #bytes()} is the input. */
        REFUSED
    }

    private final Outcome outcome;
    private final String className;
    private final byte[] bytes;
    private final List<Problem> problems;

    WeaveResult(Outcome outcome, String className, byte[] bytes, List<Problem> problems) {
        this.outcome = outcome;
        this.className = className;
        this.bytes = bytes;
        this.problems = List.copyOf(problems);
    }

    public Outcome outcome() {
        return outcome;
    }

    /**
     * The class's name in Java form, or null if the bytes were passed over without parsing, or are too damaged to
     * tell.
     */
    public String className() {
        return className;
    }

    /** The woven class for {@link Outcome#WOVEN}; otherwise the input, unchanged. */
    public byte[] bytes() {
        return bytes;
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * Returns the woven bytes, or the input if untouched.
     *
     * @throws WeaveException if the class was refused
     */
    public byte[] bytesOrThrow() throws WeaveException {
        if (outcome == Outcome.REFUSED) {
            throw new WeaveException(problems);
        }
        return bytes;
    }
}
