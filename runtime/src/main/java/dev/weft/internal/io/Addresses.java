package dev.weft.internal.io;

import dev.weft.internal.Loop;
import dev.weft.internal.ThreadTask;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Host names to addresses, without blocking the loop thread on a name lookup. */
final class Addresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Addresses() {
    }

    static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** @return true if {@code host} is an IP address written out, which resolves without a lookup */
    static boolean isLiteral(String host) {
        return IPV4.matcher(host).matches() || host.indexOf(':') >= 0;
    }

    /**
     * Resolves {@code host} and passes its first address to {@code then} on the loop thread: at once for an IP literal,
     * otherwise after a lookup on the loop's default executor, if {@code stillWanted} then. A failure goes to
     * {@code failed}.
     */
    static void resolve(Loop loop, String host, BooleanSupplier stillWanted, Consumer<InetAddress> then,
                        Consumer<Throwable> failed) {
        if (host == null || isLiteral(host)) {
            InetAddress address;
            try {
                address = InetAddress.getByName(host);   // no lookup: a literal, or null for the loopback address
            } catch (UnknownHostException e) {
                failed.accept(NetErrors.unresolved(host, e));
                return;
            }
            then.accept(address);
            return;
        }
        ThreadTask<InetAddress> lookupTask = new ThreadTask<>(() -> InetAddress.getByName(host), null);
        loop.createTask(lookupTask);
        lookupTask.addDoneCallback(lookup -> {
            if (!stillWanted.getAsBoolean()) {
                return;
            }
            Throwable e = lookup.isCancelled() ? null : lookup.exception();
            if (e != null) {
                failed.accept(NetErrors.unresolved(host, e));
            } else {
                then.accept(lookup.result());
            }
        });
    }
}
