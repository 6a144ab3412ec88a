package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.Connection;
import dev.weft.StreamReader;
import dev.weft.StreamWriter;
import dev.weft.Task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.done;
import static dev.weft.Weft.openConnection;
import static dev.weft.Weft.toThread;

/**
 * A Weft connection over loopback whose far end is a plain blocking socket that the test drives by hand: the stand-in
 * for CPython's hand-fed {@code StreamReader}. {@link #feed} is {@code feed_data} (the bytes are in the reader's
 * socket when it returns), {@link #feedEof()} is {@code feed_eof} (a TCP half-close), {@link #reset()} stands for
 * {@code set_exception} (the connection is reset, so the reader fails with the reset). {@link #reader()} is the
 * stream under test.
 */
final class StreamsPeer {
    private final ServerSocket listener;
    private final Socket socket;
    private final Connection connection;
    private boolean eofSent;

    private StreamsPeer(ServerSocket listener, Socket socket, Connection connection) {
        this.listener = listener;
        this.socket = socket;
        this.connection = connection;
    }

    /** Connects a Weft client with the reader limit {@code limit} to a fresh blocking listener on 127.0.0.1. */
    @Async
    static Task<StreamsPeer> open(int limit) {
        ServerSocket listener = listen();
        Task<Socket> accepted = createTask(toThread(listener::accept));
        Connection connection = await(openConnection("127.0.0.1", listener.getLocalPort(), limit));
        Socket socket = await(accepted);
        noDelay(socket);
        return done(new StreamsPeer(listener, socket, connection));
    }

    /** As {@link #open(int)} with the default limit. */
    @Async
    static Task<StreamsPeer> open() {
        return done(await(open(StreamReader.DEFAULT_LIMIT)));
    }

    private static ServerSocket listen() {
        try {
            return new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void noDelay(Socket socket) {
        try {
            socket.setTcpNoDelay(true);   // each feed goes out as its own segment
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    StreamReader reader() {
        return connection.reader();
    }

    StreamWriter writer() {
        return connection.writer();
    }

    /** Writes {@code data} to the reader (CPython's {@code feed_data}); small writes return at once. */
    void feed(String data) {
        try {
            socket.getOutputStream().write(StreamsTestCase.ascii(data));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the stream the reader sees (CPython's {@code feed_eof}); harmless twice. */
    void feedEof() {
        if (eofSent) {
            return;
        }
        eofSent = true;
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resets the connection (SO_LINGER 0, then close): the failure CPython sets with {@code set_exception}. */
    void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What is left in the reader's buffer, and nothing more: ends the stream, then reads to its end. Stands for
     * CPython's assertions on {@code stream._buffer}.
     */
    @Async
    Task<String> rest() {
        feedEof();
        return done(StreamsTestCase.text(await(reader().read(-1))));
    }

    /** Closes the blocking socket and its listener, whatever state they are in (a test's clean-up). */
    void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed already
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // closed already
        }
    }

    /** Closes the Weft side, waits for it, and closes the blocking socket and its listener. */
    @Async
    Task<Void> close() {
        writer().close();
        await(writer().waitClosed());
        try {
            socket.close();
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return done();
    }
}
