package dev.weft.internal.io;

import dev.weft.Connection;
import dev.weft.Task;
import dev.weft.internal.Loop;
import dev.weft.internal.LoopFuture;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * The task of {@code Weft.openConnection}: resolves the host (off the loop thread unless it is an IP literal), opens a
 * non-blocking socket and connects it, the selector watching for the connect to finish. Cancelled while connecting,
 * it closes the socket; cancelled after it connected, before the awaiting task took the connection, it closes the
 * connection, so no socket is left behind.
 */
public final class Connector extends LoopFuture<Connection> {
    private final String host;
    private final int port;
    private final int limit;
    private SocketTransport transport;

    private Connector(String host, int port, int limit) {
        this.host = host;
        this.port = port;
        this.limit = limit;
    }

    /** The task of {@code openConnection(host, port, limit)}, not started. */
    public static Task<Connection> openConnection(String host, int port, int limit) {
        Addresses.checkPort(port);
        if (limit <= 0) {
            throw new IllegalArgumentException("the limit must be positive: " + limit);
        }
        return new Connector(host, port, limit);
    }

    @Override
    protected void begin(Loop loop) {
        Addresses.resolve(loop, host, this::isPending, address -> connect(loop, address), this::fail);
    }

    private void connect(Loop loop, InetAddress address) {
        InetSocketAddress target = new InetSocketAddress(address, port);
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            SocketTransport connecting = SocketTransport.connect(loop, channel, target, limit, this);
            if (isPending()) {   // not connected at once: wait for the selector
                transport = connecting;
            }
        } catch (IOException e) {
            if (channel != null) {
                Closing.quietly(channel);
            }
            fail(NetErrors.connectFailed(target, e));
        }
    }

    /** The socket connected. */
    void connected(SocketTransport connected) {
        transport = null;
        complete(connected.connection());
    }

    /** The connect failed; the transport closed the socket. */
    void failed(SocketTransport failed, IOException e) {
        transport = null;
        fail(NetErrors.connectFailed(failed.remote, e));
    }

    @Override
    protected String describe() {
        return "openConnection " + host + ":" + port;
    }

    @Override
    protected boolean stopWaiting() {
        if (transport != null) {
            transport.closeNow();
            transport = null;
        }
        return true;
    }

    @Override
    protected boolean giveBack(Connection connection) {
        connection.writer().close();
        return true;
    }
}
