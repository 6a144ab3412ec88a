package dev.weft.internal.io;

import dev.weft.StreamWriter;
import dev.weft.Task;
import dev.weft.internal.Loop;
import dev.weft.internal.LoopFuture;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@link StreamWriter} of a socket.
 *
 * <p>Implementation overview. {@link #write} sends at once while nothing is buffered; what the socket does not take
 * is copied into {@link #pending}, and the transport watches for the socket to become writable, then calls
 * {@link #flush()}. Past the high water mark the writer is {@link #paused}, and {@code drain()} tasks wait in
 * {@link #drains} until a flush brings the buffer down to the low water mark. Once the buffer is empty a requested
 * close or end of stream is carried out. {@link #abort()} does not wait for the buffer: it closes the transport at
 * once, and the transport's {@link #closed} drops what is left.
 *
 * <p>Invariants: {@link #buffered} is the sum of the bytes remaining in {@link #pending}; writing is watched for
 * exactly while {@link #pending} is not empty; a drain waits only while paused and the connection is open.
 */
final class SocketWriter extends StreamWriter {
    private final SocketTransport transport;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private int buffered;
    private int high = DEFAULT_HIGH_WATER_MARK;
    private int low = DEFAULT_LOW_WATER_MARK;
    private boolean paused;
    private boolean closing;
    /** Set by {@link #abort()}, only to name it in the error of a later write. */
    private boolean aborted;
    private boolean eofRequested;
    private final List<Drain> drains = new ArrayList<>(0);
    private List<CloseWait> closeWaits;

    SocketWriter(SocketTransport transport) {
        this.transport = transport;
    }

    // ---- StreamWriter ---------------------------------------------------------------------------------------------

    @Override
    public void write(byte[] data) {
        checkWritable("write()");
        if (data.length == 0) {
            return;
        }
        ByteBuffer rest;
        if (pending.isEmpty()) {
            ByteBuffer now = ByteBuffer.wrap(data);
            if (!transport.send(now) || !now.hasRemaining()) {
                return;   // all sent, or the connection failed: drain() and the next write() report it
            }
            rest = ByteBuffer.wrap(Arrays.copyOfRange(data, now.position(), data.length));
            transport.watchWritable(true);
        } else {
            rest = ByteBuffer.wrap(data.clone());
        }
        pending.add(rest);
        buffered += rest.remaining();
        if (!paused && buffered > high) {
            paused = true;
        }
    }

    private void checkWritable(String call) {
        if (transport.lost != null) {
            throw NetErrors.writeAfterLoss(transport.lost);
        }
        if (aborted) {
            throw new IllegalStateException(call + " after abort() on the stream to "
                    + NetErrors.describe(transport.remote));
        }
        if (closing || transport.isClosed()) {
            throw new IllegalStateException(call + " after close() on the stream to "
                    + NetErrors.describe(transport.remote));
        }
        if (eofRequested) {
            throw new IllegalStateException(call + " after writeEof() on the stream to "
                    + NetErrors.describe(transport.remote));
        }
    }

    @Override
    public Task<Void> drain() {
        return new Drain();
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        transport.stopReading();
        if (pending.isEmpty()) {
            transport.closeNow();
        }
    }

    @Override
    public void abort() {
        if (transport.isClosed()) {
            return;   // closed, failed, or aborted already: nothing is left to drop
        }
        aborted = true;
        closing = true;
        transport.closeNow();   // stops reading, drops the buffer, settles drains and close waits
    }

    @Override
    public Task<Void> waitClosed() {
        return new CloseWait();
    }

    @Override
    public boolean isClosing() {
        return closing || transport.isClosed();
    }

    @Override
    public void writeEof() {
        if (eofRequested || closing || transport.isClosed()) {
            return;
        }
        eofRequested = true;
        if (pending.isEmpty()) {
            transport.shutdownOutput();
        }
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("need 0 <= low <= high, got high " + high + ", low " + low);
        }
        this.high = high;
        this.low = low;
        if (!paused && buffered > high) {
            paused = true;
        } else if (paused && buffered <= low) {
            resume();
        }
    }

    @Override
    public int writeBufferSize() {
        return buffered;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return transport.remote;
    }

    @Override
    public InetSocketAddress localAddress() {
        return transport.local;
    }

    // ---- called by the transport ----------------------------------------------------------------------------------

    /** The socket can take more: sends what is buffered, in order, until it takes no more. */
    void flush() {
        while (!pending.isEmpty()) {
            ByteBuffer next = pending.peek();
            int before = next.remaining();
            if (!transport.send(next)) {
                return;
            }
            buffered -= before - next.remaining();
            if (next.hasRemaining()) {
                break;
            }
            pending.poll();
        }
        if (paused && buffered <= low) {
            resume();
        }
        if (pending.isEmpty()) {
            transport.watchWritable(false);
            if (closing) {
                transport.closeNow();
            } else if (eofRequested) {
                transport.shutdownOutput();
            }
        }
    }

    private void resume() {
        paused = false;
        settleDrains(null);
    }

    /** The socket closed, normally or because the connection failed: nothing more will be sent. */
    void closed(UncheckedIOException failure) {
        pending.clear();
        buffered = 0;
        paused = false;
        List<CloseWait> waits = closeWaits;
        closeWaits = null;
        settleDrains(failure);
        if (waits != null) {
            for (CloseWait w : waits) {
                w.complete(null);
            }
        }
    }

    private void settleDrains(UncheckedIOException failure) {
        if (drains.isEmpty()) {
            return;
        }
        List<Drain> woken = new ArrayList<>(drains);
        drains.clear();
        for (Drain d : woken) {
            if (failure != null) {
                d.fail(NetErrors.writeAfterLoss(failure));
            } else {
                d.complete(null);
            }
        }
    }

    /** {@code drain()}. */
    private final class Drain extends LoopFuture<Void> {
        Drain() {
        }

        @Override
        protected String describe() {
            return "StreamWriter.drain";
        }

        @Override
        protected void begin(Loop loop) {
            if (transport.lost != null) {
                fail(NetErrors.writeAfterLoss(transport.lost));
            } else if (paused) {
                drains.add(this);
            } else {
                complete(null);
            }
        }

        @Override
        protected boolean stopWaiting() {
            drains.remove(this);
            return true;
        }
    }

    /** {@code waitClosed()}. */
    private final class CloseWait extends LoopFuture<Void> {
        CloseWait() {
        }

        @Override
        protected String describe() {
            return "StreamWriter.waitClosed";
        }

        @Override
        protected void begin(Loop loop) {
            if (transport.isClosed()) {
                complete(null);
            } else {
                if (closeWaits == null) {
                    closeWaits = new ArrayList<>(1);
                }
                closeWaits.add(this);
            }
        }

        @Override
        protected boolean stopWaiting() {
            closeWaits.remove(this);
            return true;
        }
    }
}
