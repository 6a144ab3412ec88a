package dev.weft.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Throwing and unwrapping exceptions without changing their identity. */
public final class Throwables {
    private Throwables() {
    }

    /** Throws {@code t} as it is, checked or not; declared to return so callers can write {@code throw sneaky(t)}. */
    public static RuntimeException sneaky(Throwable t) {
        throw Throwables.<RuntimeException>sneaky0(t);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky0(Throwable t) throws E {
        throw (E) t;
    }

    /** Removes {@link CompletionException} and {@link ExecutionException} wrappers that carry a cause. */
    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
