package dev.weft;

/**
 * A read looking for a separator went past the reader's limit: asyncio's {@code LimitOverrunError}.
 * {@link #consumed()} is how many bytes the read would have to take: the data stays in the buffer for
 * {@link StreamReader#readUntil}; {@link StreamReader#readLine()} drops it.
 */
public class LimitOverrunException extends RuntimeException {
    private final int consumed;

    public LimitOverrunException(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    /** @return the number of bytes to be consumed: asyncio's {@code consumed} */
    public int consumed() {
        return consumed;
    }
}
