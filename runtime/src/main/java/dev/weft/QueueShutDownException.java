package dev.weft;

/** Thrown on put into, or get from an empty, queue that was shut down: asyncio's {@code QueueShutDown}. */
public class QueueShutDownException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public QueueShutDownException(String message) {
        super(message);
    }
}
