package dev.weft.internal.io;

import dev.weft.Connection;
import dev.weft.internal.Loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One TCP socket on the loop, between the selector and its {@link SocketReader} and {@link SocketWriter}: asyncio's
 * socket transport and stream protocol in one.
 *
 * <p>Implementation overview. A transport starts either connecting (for {@link Connector}; the selector watches for
 * the connect to finish) or connected (accepted by a {@link ListeningServer}). Connected, the selector watches for
 * reads unless the reader paused them or the stream ended, and for writes while the writer has bytes buffered. A
 * ready read fills the reader from the loop's shared read buffer, a few times at most so other sockets get their
 * turn; a ready write flushes the writer.
 *
 * <p>Closing happens once ({@link #closeNow()}): the key is cancelled and the socket closed, the writer drops what it
 * still buffers and settles its drains and close waits, the reader sees the end of the stream, and the server (if any)
 * forgets the connection. The writer's close calls it once its buffer is sent, its abort at once. A failed read or
 * send closes the same way, with the failure ({@link #lost}) for the writer and the reader.
 */
final class SocketTransport implements ChannelHandler {
    /** Reads per ready event before the socket waits for its next turn. */
    private static final int READS_PER_TURN = 4;

    private final SocketChannel channel;
    private final ChannelRegistration registration;
    final SocketReader reader;
    final SocketWriter writer;
    final InetSocketAddress remote;
    InetSocketAddress local;
    private final ListeningServer server;
    private Connector connecting;
    private boolean readingEnded;
    private boolean closed;
    /** Why the connection failed, or null. */
    UncheckedIOException lost;

    private SocketTransport(Loop loop, SocketChannel channel, int ops, InetSocketAddress remote, int limit,
                            ListeningServer server, Connector connecting) throws IOException {
        this.channel = channel;
        this.remote = remote;
        this.server = server;
        this.connecting = connecting;
        this.reader = new SocketReader(this, limit);
        this.writer = new SocketWriter(this);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);   // asyncio's default for TCP streams
        this.registration = new ChannelRegistration(loop, channel, ops, this);
    }

    /** Starts connecting {@code channel} to {@code remote}; {@code connector} hears how it ends. */
    static SocketTransport connect(Loop loop, SocketChannel channel, InetSocketAddress remote, int limit,
                                   Connector connector) throws IOException {
        SocketTransport t = new SocketTransport(loop, channel, 0, remote, limit, null, connector);
        if (channel.connect(remote)) {
            t.connected();
        } else {
            t.registration.interest(SelectionKey.OP_CONNECT, true);
        }
        return t;
    }

    /** Wraps a connection {@code server} accepted. */
    static SocketTransport accepted(Loop loop, SocketChannel channel, int limit, ListeningServer server)
            throws IOException {
        SocketTransport t = new SocketTransport(loop, channel, SelectionKey.OP_READ,
                (InetSocketAddress) channel.getRemoteAddress(), limit, server, null);
        t.local = (InetSocketAddress) channel.getLocalAddress();
        return t;
    }

    Connection connection() {
        return new Connection(reader, writer);
    }

    // ---- the selector's events ------------------------------------------------------------------------------------

    @Override
    public void ready(int readyOps) {
        if ((readyOps & SelectionKey.OP_CONNECT) != 0) {
            finishConnect();
            return;
        }
        if ((readyOps & SelectionKey.OP_READ) != 0) {
            readAvailable();
        }
        if ((readyOps & SelectionKey.OP_WRITE) != 0 && !closed) {
            writer.flush();
        }
    }

    private void finishConnect() {
        try {
            channel.finishConnect();
        } catch (IOException e) {
            Connector c = connecting;
            connecting = null;
            closeNow();
            c.failed(this, e);
            return;
        }
        registration.interest(SelectionKey.OP_CONNECT, false);
        connected();
    }

    private void connected() {
        try {
            local = (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            local = null;
        }
        registration.interest(SelectionKey.OP_READ, true);
        Connector c = connecting;
        connecting = null;
        c.connected(this);
    }

    private void readAvailable() {
        for (int turn = 0; turn < READS_PER_TURN && !closed && !readingEnded; turn++) {
            ByteBuffer buffer = registration.selector.readBuffer();
            int n;
            try {
                n = channel.read(buffer);
            } catch (IOException e) {
                connectionLost(e);
                return;
            }
            if (n < 0) {
                readingEnded = true;   // asyncio keeps the socket open: the writer may still send, then close
                registration.interest(SelectionKey.OP_READ, false);
                reader.feedEof();
                return;
            }
            if (n == 0) {
                return;
            }
            buffer.flip();
            reader.feed(buffer);
            if (n < buffer.capacity()) {
                return;
            }
        }
    }

    // ---- for the reader and the writer ----------------------------------------------------------------------------

    /** Sends what {@code bytes} the socket takes now; false if the connection failed (and is now closed). */
    boolean send(ByteBuffer bytes) {
        try {
            channel.write(bytes);
            return true;
        } catch (IOException e) {
            connectionLost(e);
            return false;
        }
    }

    void watchWritable(boolean on) {
        registration.interest(SelectionKey.OP_WRITE, on);
    }

    void pauseReading() {
        registration.interest(SelectionKey.OP_READ, false);
    }

    void resumeReading() {
        if (!readingEnded && connecting == null) {
            registration.interest(SelectionKey.OP_READ, true);
        }
    }

    /** The writer closes: read no more (the reader sees the end of the stream when the socket closes). */
    void stopReading() {
        readingEnded = true;
        registration.interest(SelectionKey.OP_READ, false);
    }

    void shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            connectionLost(e);
        }
    }

    boolean isClosed() {
        return closed;
    }

    private void connectionLost(IOException e) {
        if (closed) {
            return;
        }
        lost = NetErrors.lost(remote, e);
        closeNow();
    }

    /**
     * Closes the socket at once and tells everyone who waits on it. Every field says closed before anyone is told: a
     * task woken here may run at once, inside this call, and look at the stream.
     */
    void closeNow() {
        if (closed) {
            return;
        }
        closed = true;
        readingEnded = true;
        registration.close();
        writer.closed(lost);
        if (lost != null) {
            reader.feedFailure(lost);
        } else {
            reader.feedEof();
        }
        if (server != null) {
            server.connectionClosed(this);
        }
    }

    @Override
    public void loopClosed() {
        closed = true;
    }

    @Override
    public String toString() {
        return "stream to " + NetErrors.describe(remote);
    }
}
