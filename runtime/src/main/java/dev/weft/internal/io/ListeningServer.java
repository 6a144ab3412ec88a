package dev.weft.internal.io;

import dev.weft.ConnectionHandler;
import dev.weft.ExceptionContext;
import dev.weft.Server;
import dev.weft.Task;
import dev.weft.internal.AbstractTask;
import dev.weft.internal.Loop;
import dev.weft.internal.LoopFuture;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@link Server} of {@code Weft.startServer}.
 *
 * <p>Implementation overview. Starting binds a non-blocking listening socket and registers it for accepts. Each
 * accept event takes up to a backlog's worth of pending connections; each becomes a {@link SocketTransport}, and the
 * handler's task is scheduled with {@code createTask}. The server counts its open connections so that
 * {@link #waitClosed()} completes once it is closed and the last of them is, and tells each pending
 * {@link ClientsClosing} (the task of {@code closeClients(grace)}) of every connection that closes. When accept fails
 * for lack of file descriptors, the server stops accepting for a second and reports it, as asyncio does, instead of
 * spinning.
 */
public final class ListeningServer extends Server implements ChannelHandler {
    /** Pending connections the system may queue; it caps this at its own maximum (somaxconn). */
    static final int BACKLOG = 1024;
    private static final Duration ACCEPT_RETRY_DELAY = Duration.ofSeconds(1);

    private final Loop loop;
    private final ConnectionHandler handler;
    private final int limit;
    private final ServerSocketChannel channel;
    private final ChannelRegistration registration;
    private final InetSocketAddress address;
    private final Set<SocketTransport> connections = new LinkedHashSet<>();
    private final List<LoopFuture<Void>> serving = new ArrayList<>(0);
    private final List<LoopFuture<Void>> closeWaits = new ArrayList<>(0);
    private final List<ClientsClosing> clientsClosings = new ArrayList<>(0);
    private boolean closed;

    private ListeningServer(Loop loop, ConnectionHandler handler, int limit, ServerSocketChannel channel)
            throws IOException {
        this.loop = loop;
        this.handler = handler;
        this.limit = limit;
        this.channel = channel;
        this.address = (InetSocketAddress) channel.getLocalAddress();
        this.registration = new ChannelRegistration(loop, channel, SelectionKey.OP_ACCEPT, this);
    }

    /** The task of {@code startServer(handler, host, port, limit)}, not started. */
    public static Task<Server> startServer(ConnectionHandler handler, String host, int port, int limit) {
        if (handler == null) {
            throw new NullPointerException("the connection handler is null");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("the limit must be positive: " + limit);
        }
        return new BindOperation<ServerSocketChannel, Server>("startServer", host, port,
                new BindOperation.Binding<>() {
                    @Override
                    public ServerSocketChannel open() throws IOException {
                        return ServerSocketChannel.open();
                    }

                    @Override
                    public Server bind(Loop loop, ServerSocketChannel channel, InetSocketAddress address)
                            throws IOException {
                        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);   // as asyncio, on Unix
                        channel.bind(address, BACKLOG);
                        return new ListeningServer(loop, handler, limit, channel);
                    }
                }, Server::close);
    }

    // ---- accepting ------------------------------------------------------------------------------------------------

    @Override
    public void ready(int readyOps) {
        for (int i = 0; i < BACKLOG && !closed; i++) {
            SocketChannel accepted;
            try {
                accepted = channel.accept();
            } catch (IOException e) {
                acceptFailed(e);
                return;
            }
            if (accepted == null) {
                return;
            }
            serve(accepted);
        }
    }

    private void serve(SocketChannel accepted) {
        SocketTransport transport;
        try {
            transport = SocketTransport.accepted(loop, accepted, limit, this);
        } catch (IOException e) {
            Closing.quietly(accepted);
            return;   // the peer went away before we could register it: nothing to serve
        }
        connections.add(transport);
        Task<?> task;
        try {
            task = handler.handle(transport.reader, transport.writer);
        } catch (RuntimeException | Error e) {
            handlerFailed(transport, e);
            return;
        }
        if (task == null) {
            handlerFailed(transport, new NullPointerException("the connection handler returned null"));
            return;
        }
        AbstractTask<?> handling = AbstractTask.of(task);
        loop.createTask(handling);
        handling.addDoneCallback(done -> {
            if (!done.isCancelled() && done.exception() != null) {
                handlerFailed(transport, done.exception());
            }
        });
    }

    private void handlerFailed(SocketTransport transport, Throwable failure) {
        loop.diagnostics().report(new ExceptionContext("Unhandled exception in the connection handler of the server on "
                + NetErrors.describe(address) + " for " + transport, failure, null));
        transport.writer.close();
    }

    private void acceptFailed(IOException e) {
        loop.diagnostics().report(new ExceptionContext("accept failed on " + NetErrors.describe(address)
                + "; accepting again in " + ACCEPT_RETRY_DELAY.toMillis() + " ms", e, null));
        registration.interest(SelectionKey.OP_ACCEPT, false);
        loop.callLater(ACCEPT_RETRY_DELAY.toNanos(), () -> {
            if (!closed) {
                registration.interest(SelectionKey.OP_ACCEPT, true);
            }
        });
    }

    void connectionClosed(SocketTransport transport) {
        connections.remove(transport);
        if (!clientsClosings.isEmpty()) {
            // A copy: a closing that completes leaves the list, and the task it wakes may start another.
            for (ClientsClosing c : new ArrayList<>(clientsClosings)) {
                c.connectionClosed(transport);
            }
        }
        settleCloseWaits();
    }

    /** The connections open now, in the order they were accepted: a copy, which closing them does not change. */
    List<SocketTransport> openConnections() {
        return new ArrayList<>(connections);
    }

    void watch(ClientsClosing closing) {
        clientsClosings.add(closing);
    }

    void unwatch(ClientsClosing closing) {
        clientsClosings.remove(closing);
    }

    // ---- Server ---------------------------------------------------------------------------------------------------

    @Override
    public Task<Void> serveForever() {
        return new LoopFuture<>() {
            @Override
            protected String describe() {
                return "Server.serveForever";
            }

            @Override
            protected void begin(Loop l) {
                if (closed) {
                    complete(null);
                } else {
                    serving.add(this);
                }
            }

            @Override
            protected boolean stopWaiting() {
                serving.remove(this);
                close();
                return true;
            }
        };
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        registration.close();
        List<LoopFuture<Void>> servers = new ArrayList<>(serving);
        serving.clear();
        for (LoopFuture<Void> s : servers) {
            s.complete(null);
        }
        settleCloseWaits();
    }

    @Override
    public void closeClients() {
        for (SocketTransport t : openConnections()) {
            t.writer.close();
        }
    }

    @Override
    public void abortClients() {
        for (SocketTransport t : openConnections()) {
            t.writer.abort();
        }
    }

    @Override
    public Task<Void> closeClients(Duration grace) {
        return new ClientsClosing(this, grace);
    }

    @Override
    public Task<Void> waitClosed() {
        return new LoopFuture<>() {
            @Override
            protected String describe() {
                return "Server.waitClosed";
            }

            @Override
            protected void begin(Loop l) {
                closeWaits.add(this);
                settleCloseWaits();
            }

            @Override
            protected boolean stopWaiting() {
                closeWaits.remove(this);
                return true;
            }
        };
    }

    private void settleCloseWaits() {
        if (closed && connections.isEmpty() && !closeWaits.isEmpty()) {
            List<LoopFuture<Void>> waits = new ArrayList<>(closeWaits);
            closeWaits.clear();
            for (LoopFuture<Void> w : waits) {
                w.complete(null);
            }
        }
    }

    @Override
    public boolean isServing() {
        return !closed;
    }

    @Override
    public InetSocketAddress localAddress() {
        return address;
    }

    @Override
    public int connectionCount() {
        return connections.size();
    }

    @Override
    public void loopClosed() {
        closed = true;
    }

    @Override
    public String toString() {
        return "server on " + NetErrors.describe(address) + (closed ? " (closed)" : "");
    }
}
