package dev.weft.weaver.fuzz;

import java.lang.reflect.InvocationTargetException;

/**
 * What one run of a program showed: the trace it logged and how it ended, {@code "returned <value>"} or
 * {@code "threw <class>: <message>"} with the suppressed exceptions and causes, so that two runs compare as strings.
 */
record Observation(String trace, String outcome) {

    /** A run of a program's entry point: appends to the log and returns a value or throws. */
    interface Run {
        Object run(StringBuilder log) throws Throwable;
    }

    /**
     * Runs {@code run} and records what it did. A reflective failure to call the program (other than the program
     * throwing) is not an observation: it is thrown, as an {@link IllegalStateException}.
     */
    static Observation of(Run run) {
        StringBuilder log = new StringBuilder();
        String outcome;
        try {
            outcome = "returned " + run.run(log);
        } catch (InvocationTargetException e) {
            outcome = "threw " + describe(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call the program", e);
        } catch (Throwable e) {
            outcome = "threw " + describe(e);
        }
        return new Observation(log.toString(), outcome);
    }

    boolean returned() {
        return outcome.startsWith("returned ");
    }

    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder(e.getClass().getName()).append(": ").append(e.getMessage());
        for (Throwable suppressed : e.getSuppressed()) {
            out.append(" [suppressed ").append(describe(suppressed)).append(']');
        }
        if (e.getCause() != null && e.getCause() != e) {
            out.append(" [cause ").append(describe(e.getCause())).append(']');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return outcome + "\n    trace: " + trace;
    }
}
