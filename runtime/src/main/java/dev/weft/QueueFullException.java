package dev.weft;

/** Thrown on put into a full queue without waiting: asyncio's {@code QueueFull}. */
public class QueueFullException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public QueueFullException(String message) {
        super(message);
    }
}
