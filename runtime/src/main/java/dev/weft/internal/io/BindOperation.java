package dev.weft.internal.io;

import dev.weft.internal.Loop;
import dev.weft.internal.LoopFuture;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.NetworkChannel;
import java.util.function.Consumer;

/**
 * The task of {@code startServer} and {@code openDatagramEndpoint}: resolves the host, opens a channel, binds it and
 * wraps it in what the task gives (a server, an endpoint). A failure closes the channel and names the address; if the
 * awaiting task is cancelled before it takes what was made, that is closed too.
 *
 * @param <C> the channel
 * @param <T> what the task gives
 */
final class BindOperation<C extends NetworkChannel, T> extends LoopFuture<T> {

    /** How one kind of channel is opened, bound and wrapped. */
    interface Binding<C extends NetworkChannel, T> {
        C open() throws IOException;

        /** Binds {@code channel} to {@code address} and wraps it; on failure the operation closes the channel. */
        T bind(Loop loop, C channel, InetSocketAddress address) throws IOException;
    }

    private final String host;
    private final int port;
    private final Binding<C, T> binding;
    private final Consumer<T> close;
    private final String description;

    BindOperation(String description, String host, int port, Binding<C, T> binding, Consumer<T> close) {
        Addresses.checkPort(port);
        this.description = description + " " + host + ":" + port;
        this.host = host;
        this.port = port;
        this.binding = binding;
        this.close = close;
    }

    @Override
    protected void begin(Loop loop) {
        Addresses.resolve(loop, host, this::isPending, address -> {
            C channel = null;
            try {
                channel = binding.open();
                complete(binding.bind(loop, channel, new InetSocketAddress(address, port)));
            } catch (IOException e) {
                if (channel != null) {
                    Closing.quietly(channel);
                }
                fail(NetErrors.bindFailed(host, port, e));
            }
        }, this::fail);
    }

    @Override
    protected String describe() {
        return description;
    }

    @Override
    protected boolean giveBack(T made) {
        close.accept(made);
        return true;
    }
}
