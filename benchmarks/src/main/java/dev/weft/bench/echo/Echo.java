package dev.weft.bench.echo;

import dev.weft.bench.Defaults;
import dev.weft.bench.Workload;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An echo server on loopback under load from {@link #CLIENTS} concurrent clients: each JMH thread is one client, a
 * blocking socket that sends {@link #MESSAGE_BYTES} bytes and waits for them to come back. Every server side (a Weft
 * loop, a virtual thread per connection, Netty) gets the same clients, so the figures compare the servers.
 *
 * <p>There is no one-carrier variant of the virtual-thread server: with a single carrier thread, 64 clients and the
 * socket poller, its clients stalled past a 30 s read timeout in a trial run, so the figure would measure the stall.
 *
 * <p>Two figures per server: {@code requests} in requests per second over all clients (JMH's throughput, the sum of
 * the threads'), and {@code latency}, each round trip sampled, in microseconds, with its percentiles ({@code p0.99}).
 * The first client to set up starts the server; the last to tear down stops it ({@link SharedServer}).
 */
@State(Scope.Thread)
@Threads(Echo.CLIENTS)
public abstract class Echo extends Defaults {
    /** Concurrent clients, one connection each. */
    public static final int CLIENTS = 64;
    public static final int MESSAGE_BYTES = 64;
    private static final byte[] MESSAGE = message();
    /** The server of each side (benchmark class), shared by the clients (JMH threads) of a run. */
    private static final Map<Class<?>, SharedServer> SERVERS = new ConcurrentHashMap<>();

    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private final byte[] back = new byte[MESSAGE_BYTES];

    /** A server of this benchmark's side, started on 127.0.0.1 with a free port. */
    interface EchoServer extends AutoCloseable {
        int port();
    }

    /** Starts this side's server. */
    abstract EchoServer startServer() throws Exception;

    private SharedServer shared() {
        return SERVERS.computeIfAbsent(getClass(), side -> new SharedServer());
    }

    private static byte[] message() {
        byte[] m = new byte[MESSAGE_BYTES];
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) Workload.small(i);
        }
        return m;
    }

    /** The sum of the bytes of one echoed message: what each round trip returns. */
    public static long checksum() {
        long sum = 0;
        for (byte b : MESSAGE) {
            sum += b;
        }
        return sum;
    }

    @Setup
    public void connect() throws Exception {
        int port = shared().acquire(this::startServer);
        socket = new Socket(InetAddress.getByName("127.0.0.1"), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    @TearDown
    public void disconnect() throws Exception {
        socket.close();
        shared().release();
    }

    /** One round trip: the message out, the same bytes back. */
    long roundTrip() throws IOException {
        out.write(MESSAGE);
        int read = in.readNBytes(back, 0, MESSAGE_BYTES);
        if (read != MESSAGE_BYTES) {
            throw new IOException("the server closed the connection after " + read + " bytes");
        }
        long sum = 0;
        for (byte b : back) {
            sum += b;
        }
        return sum;
    }

    /** Round trips per second, over all clients. */
    @org.openjdk.jmh.annotations.Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long requests() throws IOException {
        return roundTrip();
    }

    /** Each round trip's time, sampled, with percentiles. */
    @org.openjdk.jmh.annotations.Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long latency() throws IOException {
        return roundTrip();
    }

    /** A server started by the first client to need it and stopped when the last one is done. */
    static final class SharedServer {
        interface Starter {
            EchoServer start() throws Exception;
        }

        private EchoServer server;
        private int users;

        synchronized int acquire(Starter starter) throws Exception {
            if (users++ == 0) {
                try {
                    server = starter.start();
                } catch (Exception | Error e) {
                    users = 0;
                    throw e;
                }
            }
            return server.port();
        }

        synchronized void release() throws Exception {
            if (--users == 0) {
                EchoServer s = server;
                server = null;
                s.close();
            }
        }
    }
}
