package dev.weft.internal.io;

import dev.weft.Datagram;
import dev.weft.DatagramEndpoint;
import dev.weft.ExceptionContext;
import dev.weft.Task;
import dev.weft.internal.Loop;
import dev.weft.internal.LoopFuture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;

/**
 * The {@link DatagramEndpoint} of {@code Weft.openDatagramEndpoint}.
 *
 * <p>Implementation overview. A bound, non-blocking {@link DatagramChannel}. A ready read receives datagrams, a bounded
 * number per turn, and hands each to the first waiting {@link Receive} or, if none waits, queues it in
 * {@link #received}; while {@link #MAX_QUEUED} wait there, the endpoint stops reading. Sends go out at once, or, when
 * the socket cannot take one, wait in {@link #outgoing} for it to become writable, in order.
 */
public final class UdpEndpoint extends DatagramEndpoint implements ChannelHandler {
    private static final int RECEIVES_PER_TURN = 64;

    private final Loop loop;
    private final DatagramChannel channel;
    private final ChannelRegistration registration;
    private final InetSocketAddress address;
    private final ArrayDeque<Datagram> received = new ArrayDeque<>();
    private final ArrayDeque<Receive> receivers = new ArrayDeque<>();
    private final ArrayDeque<Outgoing> outgoing = new ArrayDeque<>();
    private boolean reading = true;
    private boolean closed;

    private static final class Outgoing {
        final ByteBuffer data;
        final SocketAddress target;

        Outgoing(ByteBuffer data, SocketAddress target) {
            this.data = data;
            this.target = target;
        }
    }

    private UdpEndpoint(Loop loop, DatagramChannel channel) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.address = (InetSocketAddress) channel.getLocalAddress();
        this.registration = new ChannelRegistration(loop, channel, SelectionKey.OP_READ, this);
    }

    /** The task of {@code openDatagramEndpoint(host, port)}, not started. */
    public static Task<DatagramEndpoint> open(String host, int port) {
        return new BindOperation<DatagramChannel, DatagramEndpoint>("openDatagramEndpoint", host, port,
                new BindOperation.Binding<>() {
                    @Override
                    public DatagramChannel open() throws IOException {
                        return DatagramChannel.open();
                    }

                    @Override
                    public DatagramEndpoint bind(Loop loop, DatagramChannel channel, InetSocketAddress address)
                            throws IOException {
                        channel.bind(address);
                        return new UdpEndpoint(loop, channel);
                    }
                }, DatagramEndpoint::close);
    }

    // ---- the selector's events ------------------------------------------------------------------------------------

    @Override
    public void ready(int readyOps) {
        if ((readyOps & SelectionKey.OP_READ) != 0) {
            receiveAvailable();
        }
        if ((readyOps & SelectionKey.OP_WRITE) != 0 && !closed) {
            sendQueued();
        }
    }

    private void receiveAvailable() {
        for (int i = 0; i < RECEIVES_PER_TURN && reading && !closed; i++) {
            ByteBuffer buffer = registration.selector.readBuffer();
            SocketAddress from;
            try {
                from = channel.receive(buffer);
            } catch (IOException e) {
                loop.diagnostics().report(new ExceptionContext("receive failed on datagram endpoint "
                        + NetErrors.describe(address), e, null));
                return;
            }
            if (from == null) {
                return;
            }
            buffer.flip();
            byte[] data = new byte[buffer.remaining()];
            buffer.get(data);
            deliver(new Datagram(data, (InetSocketAddress) from));
        }
    }

    /** Hands {@code d} to the first waiting receive, or queues it. */
    private void deliver(Datagram d) {
        Receive r = receivers.poll();
        if (r != null) {
            r.complete(d);
            return;
        }
        received.add(d);
        if (received.size() >= MAX_QUEUED && reading) {
            reading = false;
            registration.interest(SelectionKey.OP_READ, false);
        }
    }

    private void sendQueued() {
        while (!outgoing.isEmpty()) {
            Outgoing next = outgoing.peek();
            try {
                if (channel.send(next.data, next.target) == 0) {
                    return;
                }
            } catch (IOException e) {
                loop.diagnostics().report(new ExceptionContext(NetErrors.sendFailed(next.target, e).getMessage()
                        + "; the datagram is dropped", e, null));
            }
            outgoing.poll();
        }
        registration.interest(SelectionKey.OP_WRITE, false);
    }

    // ---- DatagramEndpoint -----------------------------------------------------------------------------------------

    @Override
    public void send(byte[] data, SocketAddress target) {
        if (closed) {
            throw new IllegalStateException("send() on the closed datagram endpoint " + NetErrors.describe(address));
        }
        if (outgoing.isEmpty()) {
            try {
                if (channel.send(ByteBuffer.wrap(data), target) > 0 || data.length == 0) {
                    return;
                }
            } catch (IOException e) {
                throw NetErrors.sendFailed(target, e);
            }
            registration.interest(SelectionKey.OP_WRITE, true);
        }
        outgoing.add(new Outgoing(ByteBuffer.wrap(data.clone()), target));
    }

    @Override
    public Task<Datagram> receive() {
        return new Receive();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        outgoing.clear();
        registration.close();
        while (!receivers.isEmpty()) {
            receivers.poll().fail(closedError());
        }
    }

    private UncheckedIOException closedError() {
        return new UncheckedIOException("receive() on the closed datagram endpoint " + NetErrors.describe(address),
                new ClosedChannelException());
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public InetSocketAddress localAddress() {
        return address;
    }

    @Override
    public void loopClosed() {
        closed = true;
    }

    @Override
    public String toString() {
        return "datagram endpoint " + NetErrors.describe(address) + (closed ? " (closed)" : "");
    }

    /** {@code receive()}. */
    private final class Receive extends LoopFuture<Datagram> {
        Receive() {
        }

        @Override
        protected String describe() {
            return "DatagramEndpoint.receive";
        }

        @Override
        protected void begin(Loop l) {
            Datagram d = received.poll();
            if (d != null) {
                complete(d);
                if (!reading && !closed && received.size() < MAX_QUEUED) {
                    reading = true;
                    registration.interest(SelectionKey.OP_READ, true);
                }
            } else if (closed) {
                fail(closedError());
            } else {
                receivers.add(this);
            }
        }

        @Override
        protected boolean stopWaiting() {
            receivers.remove(this);
            return true;
        }

        @Override
        protected boolean giveBack(Datagram d) {
            Receive next = receivers.poll();
            if (next != null) {
                next.complete(d);
            } else {
                received.addFirst(d);
            }
            return true;
        }
    }
}
