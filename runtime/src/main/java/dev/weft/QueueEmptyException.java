package dev.weft;

/** Thrown on get from an empty queue without waiting: asyncio's {@code QueueEmpty}. */
public class QueueEmptyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public QueueEmptyException(String message) {
        super(message);
    }
}
