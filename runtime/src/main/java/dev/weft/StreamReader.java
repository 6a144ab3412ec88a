package dev.weft;

/**
 * The reading half of a TCP connection: asyncio's {@code StreamReader}. Obtained from {@link Weft#openConnection} or
 * given to a server's {@link ConnectionHandler}.
 *
 * <p><b>Threads.</b> Loop thread only: call these methods from tasks and callbacks of the loop that opened the
 * connection.
 *
 * <p><b>Tasks.</b> Each read method returns a task that does nothing until it starts (when awaited, or given to
 * {@code createTask}), as an asyncio coroutine. A started read takes its bytes from the reader's buffer, or waits for
 * the socket to bring enough. One read may wait at a time: a second read started while one waits fails with
 * {@link IllegalStateException}, as in asyncio. Reads complete in the order the bytes arrived; they never reorder or
 * lose bytes.
 *
 * <p><b>Cancellation.</b> Cancelling a waiting read takes nothing from the buffer. A read cancelled after it was
 * handed its bytes, before its task could resume, puts the bytes back at the front of the buffer, so the next read
 * gets them.
 *
 * <p><b>End of stream and failures.</b> When the peer closes its side (or this side is closed), reads first get what
 * is buffered, then the end of stream: {@link #read(int)} gives an empty array, {@link #readExactly(int)} and
 * {@link #readUntil(byte[])} fail with {@link IncompleteReadException}. When the connection fails (reset by the peer),
 * the buffered bytes are still delivered first; then reads fail with a {@link java.io.UncheckedIOException} naming the
 * peer's address and what happened, its cause the JDK's {@link java.io.IOException}.
 *
 * <p><b>Flow control.</b> The reader stops reading from the socket while more than twice its limit is buffered and
 * resumes once at most the limit is, as asyncio does, so a peer that sends faster than the reader consumes fills the
 * TCP window instead of the heap. The limit (64 KiB unless given) also bounds the line {@link #readUntil} looks for.
 */
public abstract class StreamReader {
    /** asyncio's default limit: 64 KiB. */
    public static final int DEFAULT_LIMIT = 64 * 1024;

    /** For Weft's implementation only. */
    protected StreamReader() {
    }

    /**
     * Reads up to {@code n} bytes: the task completes with the bytes buffered (at most {@code n}) as soon as there is
     * at least one, or with an empty array at the end of the stream. {@code n == 0} completes at once with an empty
     * array; {@code n < 0} reads until the end of the stream and gives everything.
     */
    public abstract Task<byte[]> read(int n);

    /**
     * Reads one line, up to and including {@code '\n'}. At the end of the stream gives the partial line left
     * (without {@code '\n'}), or an empty array if nothing is left.
     *
     * <p>A line longer than the limit fails with {@link LimitOverrunException}; the line (or, if its end was not
     * found, the buffered part of it) is dropped, so the next read continues after it, as asyncio does.
     */
    public abstract Task<byte[]> readLine();

    /**
     * Reads exactly {@code n} bytes. If the stream ends first, fails with {@link IncompleteReadException} carrying
     * the bytes that were read (taken from the buffer) and {@code n}.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public abstract Task<byte[]> readExactly(int n);

    /**
     * Reads up to and including {@code separator}. If the stream ends first, fails with
     * {@link IncompleteReadException} carrying everything that was buffered (taken from the buffer). If the data
     * before the separator is longer than the limit, or the separator is not found in more than a limit's worth of
     * data, fails with {@link LimitOverrunException} and leaves the data in the buffer.
     *
     * @throws IllegalArgumentException if {@code separator} is empty
     */
    public abstract Task<byte[]> readUntil(byte[] separator);

    /** @return true if the stream has ended and every byte was read: asyncio's {@code at_eof()} */
    public abstract boolean atEof();

    /** @return the limit of this reader, in bytes */
    public abstract int limit();
}
