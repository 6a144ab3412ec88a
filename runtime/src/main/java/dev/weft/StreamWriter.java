package dev.weft;

import java.net.InetSocketAddress;

/**
 * The writing half of a TCP connection: asyncio's {@code StreamWriter}. Obtained from {@link Weft#openConnection} or
 * given to a server's {@link ConnectionHandler}.
 *
 * <p><b>Threads.</b> Loop thread only.
 *
 * <p><b>Order.</b> Bytes go out in the order of the {@link #write} calls. {@code write} never waits: it sends what the
 * socket takes at once and buffers the rest, which the loop sends as the socket drains.
 *
 * <p><b>Back-pressure.</b> Once more than the high water mark is buffered (64 KiB unless set), {@link #drain()} waits
 * until the buffer is down to the low water mark (16 KiB unless set); otherwise it completes at once. A producer that
 * awaits {@code drain()} after its writes, as in asyncio, never buffers much more than the high water mark.
 *
 * <p><b>Failures.</b> When the connection fails (reset by the peer, broken pipe), waiting and later {@code drain()}
 * calls fail, and later {@code write} calls throw, a {@link java.io.UncheckedIOException} naming the peer's address and
 * what happened. Writing after {@link #close()}, {@link #abort()} or {@link #writeEof()} throws
 * {@link IllegalStateException}.
 *
 * <p><b>Closing.</b> {@link #close()} sends what is buffered first, so a peer that never reads keeps the connection
 * open; {@link #abort()} closes it at once and drops the buffer.
 */
public abstract class StreamWriter {
    /** asyncio's default high water mark: 64 KiB. */
    public static final int DEFAULT_HIGH_WATER_MARK = 64 * 1024;
    /** asyncio's default low water mark: 16 KiB. */
    public static final int DEFAULT_LOW_WATER_MARK = 16 * 1024;

    /** For Weft's implementation only. */
    protected StreamWriter() {
    }

    /**
     * Sends {@code data}, or buffers what the socket does not take at once; never waits. The array may be reused
     * after the call: buffered bytes are copied.
     *
     * @throws IllegalStateException          if the writer was closed or its end of stream written
     * @throws java.io.UncheckedIOException if the connection has failed
     */
    public abstract void write(byte[] data);

    /**
     * Returns a task that completes once the write buffer is small enough to write more: at once unless more than the
     * high water mark is buffered, otherwise when it is down to the low water mark. Fails if the connection fails
     * (or has failed). Cancelling it stops the wait and nothing else; several tasks may drain at once.
     */
    public abstract Task<Void> drain();

    /**
     * Closes the connection: stops reading (pending and later reads see the end of the stream after the buffered
     * bytes), sends what is buffered, then closes the socket. Does not wait; {@link #waitClosed()} does. Closing
     * twice is harmless.
     */
    public abstract void close();

    /**
     * Closes the connection at once, dropping the bytes still buffered: asyncio's {@code transport.abort()}. For a peer
     * that does not read, for which {@link #close()} would wait for ever.
     *
     * <p><b>Order.</b> Before it returns: the socket is closed and the bytes this writer still held are dropped (bytes
     * the system had already taken may still reach the peer, which then sees the end of the stream); waiting
     * {@link #drain()} tasks complete normally, as asyncio's do; waiting {@link #waitClosed()} tasks complete; the
     * reader sees the end of the stream after the bytes it has buffered; the server that accepted the connection, if
     * any, forgets it, and its {@code waitClosed()} may complete. The writer says closed before anyone is woken, so a
     * task that resumes early (as one may when {@code abort} is called from a callback) finds it closed. After
     * it, {@code write} throws {@link IllegalStateException} (asyncio's drops the bytes), so a producer that loops on
     * {@code write} and {@code drain()} should stop once {@link #isClosing()}; {@code drain()} and
     * {@code waitClosed()} complete at once.
     *
     * <p><b>Threads and cancellation.</b> Loop thread only. Does not wait, so there is nothing to cancel. Harmless
     * twice, after {@link #close()} (it cuts short a close still waiting to send) and after the connection closed or
     * failed.
     */
    public abstract void abort();

    /**
     * Returns a task that completes once the socket is closed, whether by {@link #close()}, by the loop closing, or
     * because the connection failed (the failure itself is reported by reads and {@code drain()}, not here; asyncio's
     * {@code wait_closed} raises it). Cancelling it stops the wait and nothing else.
     */
    public abstract Task<Void> waitClosed();

    /**
     * @return true once {@link #close()} or {@link #abort()} was called or the connection was lost: asyncio's
     *         {@code is_closing()}
     */
    public abstract boolean isClosing();

    /**
     * Sends what is buffered, then shuts down the sending side of the socket (TCP half-close): the peer reads the end
     * of the stream while this side can still read. asyncio's {@code write_eof()}. Harmless if already done.
     */
    public abstract void writeEof();

    /**
     * Sets the water marks of {@link #drain()}: asyncio's {@code transport.set_write_buffer_limits(high, low)}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= low <= high}
     */
    public abstract void setWriteBufferLimits(int high, int low);

    /** @return the bytes buffered, not yet taken by the socket: asyncio's {@code get_write_buffer_size()} */
    public abstract int writeBufferSize();

    /** @return the peer's address: asyncio's {@code get_extra_info('peername')} */
    public abstract InetSocketAddress remoteAddress();

    /** @return this side's address: asyncio's {@code get_extra_info('sockname')} */
    public abstract InetSocketAddress localAddress();
}
