package dev.weft;

/**
 * Thrown when an operation given a deadline does not finish in time: asyncio's {@code TimeoutError}.
 */
public class AsyncTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AsyncTimeoutException(String message) {
        super(message);
    }

    /**
     * @param cause what ended the late operation: for {@code waitFor} and timeout scopes, the cancellation the late
     *              task finished with, as asyncio chains {@code TimeoutError} from the {@code CancelledError}
     */
    public AsyncTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
