package dev.weft.internal.io;

import dev.weft.internal.Loop;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;

/**
 * A channel registered with its loop's selector: the key's attachment, run by the loop when the key is ready. Keeps
 * the key's interest set, and closes the channel and its key together. Loop thread only.
 */
final class ChannelRegistration implements Runnable {
    final Loop loop;
    final LoopSelector selector;
    private final SelectableChannel channel;
    private final ChannelHandler handler;
    private SelectionKey key;

    /** Registers {@code channel}, made non-blocking, with {@code loop}'s selector for {@code ops}. */
    ChannelRegistration(Loop loop, SelectableChannel channel, int ops, ChannelHandler handler) throws IOException {
        this.loop = loop;
        this.selector = loop.selector();
        this.channel = channel;
        this.handler = handler;
        channel.configureBlocking(false);
        this.key = selector.register(channel, ops, this);
    }

    @Override
    public void run() {
        SelectionKey k = key;
        if (k.isValid()) {   // not closed by an earlier callback of the same iteration
            handler.ready(k.readyOps());
        }
    }

    /** Adds {@code op} to, or removes it from, what the selector watches for. */
    void interest(int op, boolean on) {
        SelectionKey k = key;
        if (k.isValid()) {
            int ops = k.interestOps();
            int changed = on ? ops | op : ops & ~op;
            if (changed != ops) {
                k.interestOps(changed);
            }
        }
    }

    /** Cancels the key and closes the channel; the selector's next select releases the fd. */
    void close() {
        key.cancel();
        Closing.quietly(channel);
    }

    boolean isOpen() {
        return key.isValid();
    }

    /** The loop closes: tells the handler, then closes the channel. */
    void loopClosed() {
        try {
            handler.loopClosed();
        } finally {
            close();
        }
    }

    @Override
    public String toString() {
        return "I/O on " + channel;
    }
}
