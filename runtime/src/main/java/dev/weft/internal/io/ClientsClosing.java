package dev.weft.internal.io;

import dev.weft.TimerHandle;
import dev.weft.internal.Loop;
import dev.weft.internal.LoopFuture;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The task of {@code Server.closeClients(grace)}: closes the server's connections gracefully, and aborts those still
 * open when the grace period ends.
 *
 * <p>Implementation overview. When it begins it closes every connection as {@code closeClients()} does; those with
 * nothing buffered close then and there. It keeps the ones left in {@link #open}, asks the server to tell it of each
 * connection that closes, and sets a timer for the end of the grace period that aborts whatever is still open. It
 * completes when {@link #open} empties, whichever way each connection closed, and cancels the timer then, so an early
 * finish leaves nothing scheduled.
 *
 * <p>Only the connections open when it began are its own: a server still serving may accept more, which it neither
 * closes nor waits for. Cancelled, it stops watching and cancels the timer; the connections it closed go on closing
 * gracefully, since a close already asked for cannot be taken back. Loop thread only.
 */
final class ClientsClosing extends LoopFuture<Void> {
    private final ListeningServer server;
    private final Duration grace;
    private Set<SocketTransport> open;
    private TimerHandle deadline;

    ClientsClosing(ListeningServer server, Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the grace period must not be negative: " + grace);
        }
        this.server = server;
        this.grace = grace;
    }

    @Override
    protected void begin(Loop loop) {
        server.closeClients();
        open = new LinkedHashSet<>(server.openConnections());
        if (open.isEmpty()) {
            complete(null);
            return;
        }
        server.watch(this);
        deadline = loop.callLater(grace.toNanos(), this::expire);
    }

    /** {@code transport}, one of the server's connections, closed. */
    void connectionClosed(SocketTransport transport) {
        if (open.remove(transport) && open.isEmpty()) {
            stopWatching();
            complete(null);
        }
    }

    /** The grace period is over: each abort reports back through {@link #connectionClosed}, the last completes. */
    private void expire() {
        deadline = null;
        for (SocketTransport t : open.toArray(new SocketTransport[0])) {
            t.writer.abort();
        }
    }

    private void stopWatching() {
        server.unwatch(this);
        if (deadline != null) {
            deadline.cancel();
            deadline = null;
        }
    }

    @Override
    protected boolean stopWaiting() {
        stopWatching();
        return true;
    }

    @Override
    protected String describe() {
        return "Server.closeClients(" + grace + ")";
    }
}
