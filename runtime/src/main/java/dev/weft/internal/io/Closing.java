package dev.weft.internal.io;

import java.io.Closeable;
import java.io.IOException;

/** Closing what must be closed even when closing fails. */
final class Closing {
    private Closing() {
    }

    /** Closes {@code c}, ignoring a failure: used on paths that already report a failure of their own. */
    static void quietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Nothing to do: the channel is being dropped, and its fd is released whatever close reports.
        }
    }
}
