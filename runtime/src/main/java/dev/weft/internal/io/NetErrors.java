package dev.weft.internal.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The exceptions network operations fail with: an {@link UncheckedIOException} (await cannot declare checked ones)
 * whose message says what happened and to which address, and whose cause is the JDK's {@link IOException}, so code
 * can still tell a {@link ConnectException} from a reset.
 */
final class NetErrors {
    private NetErrors() {
    }

    /** {@code host:port}, without the JDK's leading slash. */
    static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress) {
            InetSocketAddress a = (InetSocketAddress) address;
            String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
        }
        return String.valueOf(address);
    }

    static UncheckedIOException connectFailed(SocketAddress target, IOException e) {
        String what = e instanceof ConnectException ? "connection refused" : "cannot connect";
        return new UncheckedIOException(what + ": " + describe(target) + " (" + e.getMessage() + ")", e);
    }

    static UncheckedIOException unresolved(String host, Throwable e) {
        IOException cause = e instanceof IOException ? (IOException) e : new IOException(e);
        return new UncheckedIOException("cannot resolve host " + host + " (" + e + ")", cause);
    }

    static UncheckedIOException bindFailed(String host, int port, IOException e) {
        return new UncheckedIOException("cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")", e);
    }

    /** The connection failed while open: reset by the peer, broken pipe. */
    static UncheckedIOException lost(SocketAddress peer, IOException e) {
        String reason = String.valueOf(e.getMessage());
        String what = reason.toLowerCase(java.util.Locale.ROOT).contains("reset") ? "connection reset by peer"
                : "connection lost";
        return new UncheckedIOException(what + ": " + describe(peer) + " (" + reason + ")", e);
    }

    /** A later write or drain on a connection that failed earlier: a fresh exception, the first failure its cause. */
    static UncheckedIOException writeAfterLoss(UncheckedIOException lost) {
        return new UncheckedIOException("cannot write: " + lost.getMessage(), lost.getCause());
    }

    static UncheckedIOException sendFailed(SocketAddress target, IOException e) {
        return new UncheckedIOException("cannot send a datagram to " + describe(target) + " (" + e.getMessage() + ")",
                e);
    }
}
