package dev.weft;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A listening TCP socket that runs a {@link ConnectionHandler} for each connection: asyncio's {@code Server}, made by
 * {@link Weft#startServer}. It accepts connections from the moment it is started (asyncio's
 * {@code start_serving=True}) until {@link #close()}.
 *
 * <p><b>Threads.</b> Loop thread only. <b>Order.</b> Connections are accepted, and their handlers scheduled, in the
 * order the loop finds them ready; each handler's task starts in a later iteration, as with {@code createTask}.
 *
 * <p><b>Closing.</b> {@link #close()} stops listening and leaves the accepted connections open; {@link #waitClosed()}
 * waits for both. The connections are closed by their handlers, or all at once: {@link #closeClients()} closes them as
 * {@link StreamWriter#close()} does, sending what each has buffered first, so a client that never reads keeps its
 * connection, and {@code waitClosed()}, pending; {@link #abortClients()} closes them at once, dropping what is
 * buffered, as {@link StreamWriter#abort()} does; {@link #closeClients(Duration)} closes them gracefully and aborts
 * those still open after a grace period. A server shut down with {@code close(); await(closeClients(grace));} is closed
 * when that task completes.
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
     * bytes are sent first): asyncio's {@code close_clients()}. A connection whose client does not read stays open
     * until it does; {@link #abortClients()} and {@link #closeClients(Duration)} do not wait for it. Does not wait.
     */
    public abstract void closeClients();

    /**
     * Closes every connection this server accepted that is still open at once, dropping the bytes buffered for it, as
     * {@link StreamWriter#abort()} does: asyncio's {@code abort_clients()} (3.13). Each connection's waiting drains,
     * reads and close waits are settled as {@code abort()} says; once the server is closed too, {@link #waitClosed()}
     * completes. Does not wait and cannot be cancelled; harmless when no connection is open.
     */
    public abstract void abortClients();

    /**
     * Returns a task that closes every connection this server accepted that is still open, as {@link #closeClients()}
     * does, then aborts, as {@link #abortClients()} does, those still open when {@code grace} has passed; it completes
     * once all of them are closed. Weft's addition: in asyncio one writes {@code close_clients()}, then
     * {@code wait_for(wait_closed(), grace)}, then {@code abort_clients()} on a timeout.
     *
     * <p>Like every operation that can wait, the task does nothing until it starts (awaited, or given to
     * {@code createTask}). It then closes the connections, in the order they were accepted; those with nothing buffered
     * close at once, and if none is left it completes at once. It watches only the connections open when it started:
     * ones a server still serving accepts later are not closed, aborted or waited for. It completes in the same loop
     * turn as the last of its connections closes.
     *
     * <p>Cancelling it stops the wait and cancels the abort: the connections it closed go on closing gracefully.
     *
     * @param grace how long the connections may take to send what they buffered; zero aborts, in the next turn of the
     *              loop, every connection that could not close at once
     * @throws IllegalArgumentException if {@code grace} is negative
     */
    public abstract Task<Void> closeClients(Duration grace);

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
