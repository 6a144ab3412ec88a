package dev.weft.conformance.net;

import dev.weft.Async;
import dev.weft.Connection;
import dev.weft.Server;
import dev.weft.StreamReader;
import dev.weft.StreamWriter;
import dev.weft.Task;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many connections on one loop: 1,000 concurrent echo clients against one server, and 10,000 connections opened and
 * closed with the count of open file descriptors back where it started.
 */
class LoadTest {
    private static final int CLIENTS = 1_000;
    private static final int CONNECTIONS = 10_000;
    private static final int BATCH = 200;

    /** Echoes every byte until the end of the stream, then closes. */
    @Async
    static Task<Void> echo(StreamReader reader, StreamWriter writer) {
        while (true) {
            byte[] got = await(reader.read(4096));
            if (got.length == 0) {
                break;
            }
            writer.write(got);
            await(writer.drain());
        }
        writer.close();
        return done();
    }

    /** Sends its own bytes, half-closes, and reads them all back. */
    @Async
    static Task<byte[]> client(int port, byte[] message) {
        Connection c = await(openConnection("127.0.0.1", port));
        c.writer().write(message);
        await(c.writer().drain());
        c.writer().writeEof();
        byte[] back = await(c.reader().read(-1));
        c.writer().close();
        await(c.writer().waitClosed());
        return done(back);
    }

    static byte[] messageOf(int client) {
        byte[] m = ("client " + client + " says hello;").repeat(1 + client % 7).getBytes();
        return Arrays.copyOf(m, m.length);
    }

    static void requireFds(long needed) {
        long max = Fds.max();
        Assumptions.assumeTrue(max < 0 || max >= needed, "this test needs " + needed
                + " file descriptors, the limit (ulimit -n) is " + max + ": raise it to run the test");
    }

    @Async
    Task<List<byte[]>> thousandClients() {
        Server server = await(startServer(LoadTest::echo, "127.0.0.1", 0));
        List<Task<byte[]>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(client(server.port(), messageOf(i)));
        }
        List<byte[]> echoed = await(gather(clients));
        server.close();
        await(server.waitClosed());
        return done(echoed);
    }

    @Test
    void aThousandConcurrentClientsEachGetTheirOwnBytesBack() {
        requireFds(2L * CLIENTS + 100);
        List<byte[]> echoed = run(thousandClients());
        assertEquals(CLIENTS, echoed.size());
        for (int i = 0; i < CLIENTS; i++) {
            assertArrayEquals(messageOf(i), echoed.get(i), "client " + i);
        }
    }

    /** Opens and closes {@code connections} against {@code server}, {@link #BATCH} at a time; returns bytes echoed. */
    @Async
    static Task<Integer> openAndClose(Server server, int connections) {
        int echoed = 0;
        for (int done = 0; done < connections; done += BATCH) {
            List<Task<byte[]>> batch = new ArrayList<>();
            for (int i = 0; i < Math.min(BATCH, connections - done); i++) {
                batch.add(client(server.port(), new byte[] {(byte) i}));
            }
            for (byte[] back : await(gather(batch))) {
                echoed += back.length;
            }
        }
        await(sleep(1));   // a loop iteration: the selector releases the fds of the keys cancelled last
        return done(echoed);
    }

    /** Counts open fds around {@link #CONNECTIONS} connections, with the server and the loop's selector open. */
    @Async
    Task<long[]> fdsAroundConnections() {
        Server server = await(startServer(LoadTest::echo, "127.0.0.1", 0));
        await(openAndClose(server, BATCH));   // warm-up: classes loaded and jars opened once and for all
        long before = Fds.open();
        int echoed = await(openAndClose(server, CONNECTIONS));
        long after = Fds.open();
        assertEquals(CONNECTIONS, echoed, "every connection echoed its byte");
        server.close();
        await(server.waitClosed());
        return done(new long[] {before, after});
    }

    @Test
    void tenThousandConnectionsLeaveNoFileDescriptorBehind() {
        requireFds(2L * BATCH + 100);
        run(sleep(0));   // the runtime's jar, opened by the class loader at its first class, stays open
        long outside = Fds.open();
        long[] inside = run(fdsAroundConnections());
        long closed = Fds.open();
        System.out.println("open file descriptors with the server listening, before " + CONNECTIONS
                + " connections: " + inside[0] + ", after: " + inside[1] + "; before the loop: " + outside
                + ", after it closed: " + closed);
        // At most as many as before: the JVM may close a descriptor of its own meanwhile (a jar it had open), which
        // is no leak; one more than before is.
        assertTrue(inside[1] <= inside[0], "closed connections leaked file descriptors");
        assertTrue(closed <= outside, "closing the loop leaked its selector or the server");
    }
}
