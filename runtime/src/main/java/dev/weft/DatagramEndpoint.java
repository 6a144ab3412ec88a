package dev.weft;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * A UDP socket on the loop: asyncio's {@code create_datagram_endpoint}, in an awaitable shape instead of a protocol's
 * {@code datagram_received} callback. Made by {@link Weft#openDatagramEndpoint}.
 *
 * <p><b>Threads.</b> Loop thread only.
 *
 * <p><b>Receiving.</b> The endpoint reads datagrams as they arrive and keeps them, in arrival order, until
 * {@link #receive()} takes them. While {@link #MAX_QUEUED} datagrams wait to be taken it stops reading, so further
 * datagrams queue in the kernel and, past its buffer, are dropped, which is UDP's own back-pressure.
 *
 * <p><b>Sending.</b> {@link #send} never waits: a datagram the socket cannot take at once is queued and sent, in
 * order, when it can.
 */
public abstract class DatagramEndpoint {
    /** The datagrams kept for {@link #receive()} before the endpoint stops reading. */
    public static final int MAX_QUEUED = 1024;

    /** For Weft's implementation only. */
    protected DatagramEndpoint() {
    }

    /**
     * Sends {@code data} to {@code target}, or queues it if the socket cannot take it at once. The array may be reused
     * after the call.
     *
     * @throws IllegalStateException          if the endpoint is closed
     * @throws java.io.UncheckedIOException if the system refuses the datagram (naming the target and the reason)
     */
    public abstract void send(byte[] data, SocketAddress target);

    /**
     * Returns a task that completes with the next datagram: at once if one is queued. Like a stream read it does
     * nothing until it starts. Several tasks may wait; they get datagrams in the order they started waiting.
     * Cancelling a waiting receive takes nothing; one cancelled after it was handed a datagram, before its task could
     * resume, puts the datagram back first in line. After {@link #close()}, the queued datagrams are still given out;
     * then receives fail with an {@link java.io.UncheckedIOException} saying the endpoint is closed.
     */
    public abstract Task<Datagram> receive();

    /** Closes the socket at once; datagrams queued for sending are dropped. Closing twice is harmless. */
    public abstract void close();

    /** @return true once {@link #close()} was called */
    public abstract boolean isClosed();

    /** @return the address the endpoint is bound to; with port 0 asked, the port the system chose */
    public abstract InetSocketAddress localAddress();
}
