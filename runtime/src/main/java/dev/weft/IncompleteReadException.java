package dev.weft;

import java.io.EOFException;
import java.io.UncheckedIOException;

/**
 * The stream ended before a read had all it needed: asyncio's {@code IncompleteReadError}. Carries the bytes that were
 * read, which are no longer in the reader's buffer. Its cause is an {@link EOFException}, or the connection's failure
 * when the stream ended because the connection failed.
 */
public class IncompleteReadException extends UncheckedIOException {
    private final byte[] partial;
    private final int expected;

    /**
     * @param partial  the bytes read before the end of the stream
     * @param expected the bytes that were needed, or -1 when the read was looking for a separator
     * @param cause    an EOFException, or the failure that ended the stream
     */
    public IncompleteReadException(String message, byte[] partial, int expected, java.io.IOException cause) {
        super(message, cause);
        this.partial = partial;
        this.expected = expected;
    }

    /** @return the bytes read before the stream ended (the array itself, not a copy) */
    public byte[] partial() {
        return partial;
    }

    /** @return the number of bytes the read needed, or -1 for a read looking for a separator */
    public int expected() {
        return expected;
    }
}
