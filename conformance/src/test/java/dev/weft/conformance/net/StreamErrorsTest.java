package dev.weft.conformance.net;

import dev.weft.Async;
import dev.weft.Connection;
import dev.weft.IncompleteReadException;
import dev.weft.Server;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.ServerSocketChannel;

import static dev.weft.Weft.*;
import static dev.weft.conformance.net.Bytes.ascii;
import static dev.weft.conformance.net.Bytes.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each way a connection can fail gives an exception that names what happened and the address, and leaks nothing. */
class StreamErrorsTest {

    /** A port on 127.0.0.1 that nothing listens on: bound, then closed. */
    static int closedPort() throws Exception {
        try (ServerSocketChannel probe = ServerSocketChannel.open()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
    }

    @Async
    Task<UncheckedIOException> connectFailure(int port) {
        try {
            await(openConnection("127.0.0.1", port));
        } catch (UncheckedIOException e) {
            return done(e);
        }
        throw new AssertionError("connected to a port nothing listens on");
    }

    @Test
    void connectionRefusedNamesTheAddressAndKeepsTheConnectExceptionAsCause() throws Exception {
        int port = closedPort();
        long before = Fds.open();
        UncheckedIOException e = run(connectFailure(port));
        assertTrue(e.getCause() instanceof ConnectException, "cause: " + e.getCause());
        assertEquals("connection refused: 127.0.0.1:" + port + " (" + e.getCause().getMessage() + ")",
                e.getMessage());
        assertEquals(before, Fds.open(), "the refused socket and the loop's selector are closed");
    }

    @Async
    Task<UncheckedIOException> unresolvable() {
        try {
            await(openConnection("no-such-host.invalid", 80));
        } catch (UncheckedIOException e) {
            return done(e);
        }
        throw new AssertionError("resolved a host in .invalid");
    }

    @Test
    void anUnknownHostIsReportedWithItsName() {
        UncheckedIOException e = run(unresolvable());
        assertTrue(e.getMessage().startsWith("cannot resolve host no-such-host.invalid"), e.getMessage());
        assertTrue(e.getCause() instanceof java.net.UnknownHostException, "cause: " + e.getCause());
    }

    /** Accepts one connection on a plain socket, sends {@code first}, then resets it (SO_LINGER 0). */
    static String acceptSendAndReset(ServerSocket listener, String first) throws Exception {
        try (Socket s = listener.accept()) {
            s.getOutputStream().write(ascii(first));
            s.getOutputStream().flush();
            s.getInputStream().read();   // the client's cue: it has read what we sent
            s.setSoLinger(true, 0);
        }
        return "reset";
    }

    @Async
    Task<Void> resetByPeer(ServerSocket listener) {
        Task<String> peer = createTask(toThread(() -> acceptSendAndReset(listener, "abc")));
        Connection c = await(openConnection("127.0.0.1", listener.getLocalPort()));
        assertEquals("abc", text(await(c.reader().readExactly(3))));
        c.writer().write(ascii("."));   // the cue: the peer resets the connection while this task waits to read
        try {
            await(c.reader().read(10));
            throw new AssertionError("read from a reset connection");
        } catch (UncheckedIOException e) {
            // resumed inside the loop's handling of the reset: the stream must already say it is closed
            assertTrue(c.writer().isClosing(), "a failed connection is closing before its reader is told");
            assertTrue(e.getCause() instanceof SocketException, "cause: " + e.getCause());
            assertTrue(e.getMessage().startsWith("connection reset by peer: 127.0.0.1:" + listener.getLocalPort()),
                    e.getMessage());
        }
        assertEquals("reset", await(peer));
        UncheckedIOException write = assertThrows(UncheckedIOException.class, () -> c.writer().write(ascii("x")));
        assertTrue(write.getMessage().startsWith("cannot write: connection reset by peer: 127.0.0.1:"),
                write.getMessage());
        try {
            await(c.writer().drain());
            throw new AssertionError("drained a reset connection");
        } catch (UncheckedIOException e) {
            assertTrue(e.getMessage().contains("connection reset by peer"), e.getMessage());
        }
        assertTrue(c.writer().isClosing());
        await(c.writer().waitClosed());   // completes: the failure is reported by reads and drain, not here
        return done();
    }

    @Test
    void aResetByThePeerFailsReadsThenWritesAndDrainWithTheAddress() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            long before = Fds.open();
            run(resetByPeer(listener));
            assertEquals(before, Fds.open(), "the reset socket is closed");
        }
    }

    @Async
    Task<Void> resetMidReadExactly(ServerSocket listener) {
        Task<String> peer = createTask(toThread(() -> acceptSendAndReset(listener, "ab")));
        Connection c = await(openConnection("127.0.0.1", listener.getLocalPort()));
        Task<byte[]> read = createTask(c.reader().readExactly(5));
        await(sleep(50));
        c.writer().write(ascii("."));
        await(peer);
        try {
            await(read);
            throw new AssertionError("readExactly(5) read 5 bytes of 2");
        } catch (IncompleteReadException e) {
            assertEquals("ab", text(e.partial()));
            assertTrue(e.getCause() instanceof SocketException, "the reset is the cause: " + e.getCause());
            assertTrue(e.getMessage().contains("connection reset by peer: 127.0.0.1:"), e.getMessage());
        }
        return done();
    }

    @Test
    void aResetDuringReadExactlyKeepsThePartialBytes() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            run(resetMidReadExactly(listener));
        }
    }

    @Async
    static Task<Void> readsAndCloses(dev.weft.StreamReader reader, dev.weft.StreamWriter writer) {
        await(reader.read(-1));
        writer.close();
        return done();
    }

    @Async
    Task<Void> writeAfterClose() {
        Server server = await(startServer(StreamErrorsTest::readsAndCloses, "127.0.0.1", 0));
        Connection c = await(openConnection("127.0.0.1", server.port()));
        c.writer().writeEof();
        IllegalStateException afterEof = assertThrows(IllegalStateException.class,
                () -> c.writer().write(ascii("x")));
        assertEquals("write() after writeEof() on the stream to 127.0.0.1:" + server.port(), afterEof.getMessage());
        c.writer().close();
        c.writer().close();   // harmless
        IllegalStateException afterClose = assertThrows(IllegalStateException.class,
                () -> c.writer().write(ascii("x")));
        assertEquals("write() after close() on the stream to 127.0.0.1:" + server.port(), afterClose.getMessage());
        await(c.writer().waitClosed());
        await(c.writer().drain());   // nothing left to drain
        server.close();
        await(server.waitClosed());
        return done();
    }

    @Test
    void writingAfterCloseOrEndOfStreamThrowsNamingTheAddress() {
        run(writeAfterClose());
    }

    @Async
    Task<UncheckedIOException> bindTwice() {
        Server first = await(startServer(StreamErrorsTest::readsAndCloses, "127.0.0.1", 0));
        try {
            await(startServer(StreamErrorsTest::readsAndCloses, "127.0.0.1", first.port()));
            throw new AssertionError("bound a port in use");
        } catch (UncheckedIOException e) {
            return done(e);
        } finally {
            first.close();
        }
    }

    @Test
    void listeningOnAPortInUseNamesTheAddress() {
        UncheckedIOException e = run(bindTwice());
        assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:"), e.getMessage());
        assertTrue(e.getCause() instanceof java.net.BindException, "cause: " + e.getCause());
    }
}
