package dev.weft;

/**
 * What a server runs for each connection it accepts: asyncio's {@code client_connected_cb}. Usually an {@link Async}
 * method: {@code startServer(Echo::handle, "127.0.0.1", 0)}.
 */
@FunctionalInterface
public interface ConnectionHandler {
    /**
     * Called on the loop thread for each accepted connection; the task returned is scheduled with
     * {@code createTask}. If the call or its task fails, the failure goes to the loop's exception handler and the
     * connection is closed. The handler should close the writer when it is done with the connection.
     */
    Task<?> handle(StreamReader reader, StreamWriter writer);
}
