package dev.weft;

import java.net.InetSocketAddress;

/**
 * A listening TCP socket that runs a {@link ConnectionHandler} for each connection: asyncio's {@code Server}, made by
 * {@link Weft#startServer}. It accepts connections from the moment it is started (asyncio's
 * {@code start_serving=True}) until {@link #close()}.
 *
 * <p><b>Threads.</b> Loop thread only. <b>Order.</b> Connections are accepted, and their handlers scheduled, in the
 * order the loop finds them ready; each handler's task starts in a later iteration, as with {@code createTask}.
 */
public abstract class Server {

    /** For Weft's implementation only. */
    protected Server() {
    }

    /**
     * Returns a task that waits while the server serves: asyncio's {@code serve_forever()}. It completes when
     * {@link #close()} is called (asyncio's raises {@code CancelledError} then). Cancelling it closes the server, and
     * the task completes cancelled.
     */
    public abstract Task<Void> serveForever();

    /**
     * Stops listening: closes the listening socket at once. Connections already accepted stay open (asyncio's
     * behaviour; see {@link #closeClients()}). Closing twice is harmless.
     */
    public abstract void close();

    /**
     * Closes every connection this server accepted that is still open, as {@link StreamWriter#close()} does (buffered
     * bytes are sent first): asyncio's {@code close_clients()}.
     */
    public abstract void closeClients();

    /**
     * Returns a task that completes once the server is closed and every connection it accepted is closed: asyncio's
     * {@code wait_closed()} (3.12 and later). Cancelling it stops the wait and nothing else.
     */
    public abstract Task<Void> waitClosed();

    /** @return true until {@link #close()}: asyncio's {@code is_serving()} */
    public abstract boolean isServing();

    /** @return the address the server is bound to; with port 0 asked, the port the system chose */
    public abstract InetSocketAddress localAddress();

    /** @return the port the server listens on: {@code localAddress().getPort()} */
    public int port() {
        return localAddress().getPort();
    }

    /** @return the number of accepted connections that are still open */
    public abstract int connectionCount();
}
