package dev.weft;

/**
 * Thrown when an operation given a deadline does not finish in time: asyncio's {@code TimeoutError}.
 */
public class AsyncTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AsyncTimeoutException(String message) {
        super(message);
    }
}
