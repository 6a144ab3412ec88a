package dev.weft.internal.io;

import dev.weft.IncompleteReadException;
import dev.weft.LimitOverrunException;
import dev.weft.StreamReader;
import dev.weft.Task;
import dev.weft.internal.Loop;
import dev.weft.internal.LoopFuture;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * The {@link StreamReader} of a socket.
 *
 * <p>Implementation overview. The transport feeds bytes ({@link #feed}), the end of the stream ({@link #feedEof}) or
 * a failure ({@link #feedFailure}). Each read is a {@link ReadOperation} that, when it starts, tries to complete from
 * the buffer ({@link ReadOperation#attempt}) and otherwise becomes the one {@link #waiting} read, attempted again
 * after each feed.
 *
 * <p>Invariants: bytes leave the buffer only into the value or the exception of a read that completes, and come back
 * to its front if that read's task is cancelled before it takes them; a read that waits holds nothing, except a
 * read-to-end, which keeps what it gathered and gives it back if cancelled. While a read waits the socket is always
 * read; otherwise reading pauses when the buffer passes twice the limit and resumes at the limit (asyncio's rule).
 * After the end of the stream, buffered bytes are still read first; a failure shows only once they are gone.
 */
final class SocketReader extends StreamReader {
    private static final byte[] EMPTY = {};
    private static final byte[] NEWLINE = {'\n'};

    private final SocketTransport transport;
    private final int limit;
    private final ByteQueue buffer = new ByteQueue();
    private boolean eof;
    private UncheckedIOException failure;
    private boolean paused;
    private ReadOperation waiting;

    SocketReader(SocketTransport transport, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("the limit must be positive: " + limit);
        }
        this.transport = transport;
        this.limit = limit;
    }

    // ---- fed by the transport -----------------------------------------------------------------------------------

    void feed(ByteBuffer data) {
        buffer.append(data);
        attemptWaiting();
        if (waiting == null && !paused && buffer.size() > 2 * limit) {
            paused = true;
            transport.pauseReading();
        }
    }

    void feedEof() {
        if (!eof) {
            eof = true;
            attemptWaiting();
        }
    }

    void feedFailure(UncheckedIOException lost) {
        if (failure == null && !eof) {
            failure = lost;
        }
        feedEof();
    }

    private void attemptWaiting() {
        ReadOperation op = waiting;
        if (op != null) {
            waiting = null;
            if (!op.attempt()) {
                waiting = op;
            }
        }
    }

    private byte[] take(int n) {
        byte[] bytes = n == 0 ? EMPTY : buffer.take(n);
        if (paused && buffer.size() <= limit) {
            paused = false;
            transport.resumeReading();
        }
        return bytes;
    }

    /** The stream ended with {@code partial} taken for a read that needed {@code expected} bytes (-1: a separator). */
    private IncompleteReadException incomplete(byte[] partial, int expected) {
        IOException cause = failure != null ? failure.getCause() : new EOFException("end of stream");
        String why = failure != null ? failure.getMessage() : "the peer closed the stream";
        String wanted = expected >= 0 ? expected + " bytes" : "a separator";
        return new IncompleteReadException("stream from " + NetErrors.describe(transport.remote) + " ended after "
                + partial.length + " bytes, before " + wanted + " (" + why + ")", partial, expected, cause);
    }

    // ---- StreamReader ---------------------------------------------------------------------------------------------

    @Override
    public Task<byte[]> read(int n) {
        return n < 0 ? new ReadToEnd() : new ReadSome(n);
    }

    @Override
    public Task<byte[]> readLine() {
        return new ReadUntil(NEWLINE, true);
    }

    @Override
    public Task<byte[]> readExactly(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("readExactly size must not be negative: " + n);
        }
        return new ReadExactly(n);
    }

    @Override
    public Task<byte[]> readUntil(byte[] separator) {
        if (separator.length == 0) {
            throw new IllegalArgumentException("the separator must contain at least one byte");
        }
        return new ReadUntil(separator.clone(), false);
    }

    @Override
    public boolean atEof() {
        return eof && buffer.size() == 0;
    }

    @Override
    public int limit() {
        return limit;
    }

    // ---- reads ----------------------------------------------------------------------------------------------------

    /** One read: completes from the buffer when it can, otherwise waits as the reader's one waiting read. */
    private abstract class ReadOperation extends LoopFuture<byte[]> {
        private final String what;

        ReadOperation(String what) {
            this.what = what;
        }

        @Override
        protected final String describe() {
            return what;
        }

        @Override
        protected final void begin(Loop loop) {
            if (waiting != null) {
                fail(new IllegalStateException(what + " started while another read waits for data from "
                        + NetErrors.describe(transport.remote) + ": one read at a time"));
            } else if (!attempt()) {
                waiting = this;
                if (paused) {
                    paused = false;
                    transport.resumeReading();
                }
            }
        }

        /** Completes this read from the buffer if it can; returns false if it must wait for more. */
        abstract boolean attempt();

        /** At the end of the stream: the buffered bytes are taken; a failure that ended it shows once none are. */
        final boolean endedWithNothing() {
            if (failure != null) {
                fail(failure);
            } else {
                complete(EMPTY);
            }
            return true;
        }

        @Override
        protected boolean stopWaiting() {
            if (waiting == this) {
                waiting = null;
            }
            return true;
        }

        @Override
        protected final boolean giveBack(byte[] value) {
            if (value.length > 0) {
                buffer.prepend(value);
                attemptWaiting();
            }
            return true;
        }
    }

    /** {@code read(n)}, n >= 0. */
    private final class ReadSome extends ReadOperation {
        private final int max;

        ReadSome(int max) {
            super("StreamReader.read");
            this.max = max;
        }

        @Override
        boolean attempt() {
            if (max == 0) {
                complete(EMPTY);
            } else if (buffer.size() > 0) {
                complete(take(Math.min(max, buffer.size())));
            } else if (eof) {
                return endedWithNothing();
            } else {
                return false;
            }
            return true;
        }
    }

    /** {@code read(-1)}: gathers everything until the end, so the buffer keeps draining and reading never pauses. */
    private final class ReadToEnd extends ReadOperation {
        private final ByteArrayOutputStream gathered = new ByteArrayOutputStream();

        ReadToEnd() {
            super("StreamReader.read(-1)");
        }

        @Override
        boolean attempt() {
            gathered.writeBytes(take(buffer.size()));
            if (!eof) {
                return false;
            }
            if (failure != null && gathered.size() == 0) {
                fail(failure);
            } else {
                complete(gathered.toByteArray());   // after a failure, the next read reports it
            }
            return true;
        }

        @Override
        protected boolean stopWaiting() {
            super.stopWaiting();
            if (gathered.size() > 0) {
                buffer.prepend(gathered.toByteArray());
            }
            return true;
        }
    }

    /** {@code readExactly(n)}. */
    private final class ReadExactly extends ReadOperation {
        private final int n;

        ReadExactly(int n) {
            super("StreamReader.readExactly");
            this.n = n;
        }

        @Override
        boolean attempt() {
            if (buffer.size() >= n) {
                complete(take(n));
            } else if (eof) {
                fail(incomplete(take(buffer.size()), n));
            } else {
                return false;
            }
            return true;
        }
    }

    /** {@code readUntil(separator)}, and {@code readLine()} with asyncio's handling of its end and its limit. */
    private final class ReadUntil extends ReadOperation {
        private final byte[] separator;
        private final boolean line;
        /** Where the next search starts: the bytes before it were searched already. */
        private int searchFrom;

        ReadUntil(byte[] separator, boolean line) {
            super(line ? "StreamReader.readLine" : "StreamReader.readUntil");
            this.separator = separator;
            this.line = line;
        }

        @Override
        boolean attempt() {
            int size = buffer.size();
            int found = buffer.indexOf(separator, searchFrom);
            if (found >= 0) {
                if (found > limit) {
                    overrun("the separator is found, but the chunk before it is longer than the limit (" + limit
                            + " bytes)", found);
                } else {
                    complete(take(found + separator.length));
                }
                return true;
            }
            int searched = size - separator.length + 1;
            if (searched > limit) {
                overrun("the separator is not found, and the chunk exceeds the limit (" + limit + " bytes)", searched);
                return true;
            }
            if (eof) {
                if (line && (size > 0 || failure == null)) {
                    complete(take(size));   // asyncio's readline gives the partial line, or b'' at the end
                } else if (line) {
                    fail(failure);
                } else {
                    fail(incomplete(take(size), -1));
                }
                return true;
            }
            searchFrom = Math.max(0, searched);
            return false;
        }

        private void overrun(String message, int consumed) {
            if (line) {
                // asyncio's readline drops the long line: up to its separator if found, or all that is buffered.
                if (buffer.startsWith(separator, consumed)) {
                    take(consumed + separator.length);
                } else {
                    take(buffer.size());
                }
            }
            fail(new LimitOverrunException(message + " reading from " + NetErrors.describe(transport.remote),
                    consumed));
        }
    }
}
