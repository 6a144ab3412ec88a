package dev.weft.conformance.net;

import dev.weft.Async;
import dev.weft.Connection;
import dev.weft.Event;
import dev.weft.EventLoop;
import dev.weft.ExceptionContext;
import dev.weft.Server;
import dev.weft.StreamReader;
import dev.weft.StreamWriter;
import dev.weft.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.*;
import static dev.weft.conformance.net.Bytes.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing a connection without waiting for a peer that does not read: {@code StreamWriter.abort()},
 * {@code Server.abortClients()} and {@code Server.closeClients(grace)}.
 *
 * <p>The peers run on the test's own loop, over 127.0.0.1. A writer is made to hold bytes of its own by writing,
 * without draining, to a peer that does not read until the kernel's buffers are full. What the peer receives once it
 * reads tells which bytes were dropped: those the system had taken arrive, those still in the writer's buffer never do.
 */
class AbortTest {
    private static final int CHUNK = 64 * 1024;
    /** What a writer must hold in its own buffer before the tests go on: far more than any drain would allow. */
    private static final int STUCK = 8 * 1024 * 1024;
    /** More than any loopback socket buffers: the writer's own buffer must grow before this much is written. */
    private static final long WRITE_AT_MOST = 256L * 1024 * 1024;
    /** The generous bound on anything that should end soon; a hang fails the test instead of blocking the build. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    /** What a flooding server handler did. */
    static final class Flood {
        StreamWriter writer;
        long written;
        boolean done;
    }

    /** Writes, never draining, until {@link #STUCK} bytes wait in the writer's buffer; returns the bytes written. */
    static long flood(StreamWriter writer) {
        byte[] chunk = new byte[CHUNK];
        long written = 0;
        while (writer.writeBufferSize() < STUCK) {
            assertTrue(written < WRITE_AT_MOST, "the writer's buffer never grew: the peer is reading");
            writer.write(chunk);
            written += CHUNK;
        }
        return written;
    }

    /**
     * Floods until the writer holds bytes that stay. After a flood the peer's loop still takes a little (its reader
     * reads up to twice its limit before it pauses), and the kernel grows its send buffer as acknowledgements come, so
     * this tops the writer up until its buffer stays the same over a short wait: the peer's window is then closed, and
     * nothing more leaves until the peer reads. Returns the bytes written.
     */
    @Async
    static Task<Long> fill(StreamWriter writer) {
        long written = flood(writer);
        for (int round = 0; round < 250; round++) {
            int before = writer.writeBufferSize();
            await(sleep(20));
            if (writer.writeBufferSize() == before) {
                return done(written);
            }
            written += flood(writer);
        }
        throw new AssertionError("the writer's buffer keeps draining: the peer is reading");
    }

    /** A handler that fills its client, then closes its writer: the close waits for bytes the client never takes. */
    @Async
    static Task<Void> floodsAndCloses(StreamWriter writer, Flood flood) {
        flood.writer = writer;
        flood.written = await(fill(writer));
        writer.close();
        flood.done = true;
        return done();
    }

    @Async
    static Task<Void> untilFlooded(Flood flood) {
        for (int i = 0; i < 5000 && !flood.done; i++) {
            await(sleep(1));
        }
        assertTrue(flood.done, "the handler ran");
        return done();
    }

    /** Reads to the end of the stream and counts the bytes. */
    @Async
    static Task<Long> count(StreamReader reader) {
        long total = 0;
        while (true) {
            byte[] got = await(reader.read(CHUNK));
            if (got.length == 0) {
                return done(total);
            }
            total += got.length;
        }
    }

    /** Runs {@code test} on a fresh loop whose exception handler must stay silent. */
    static <T> T runQuietly(Task<T> test) {
        List<ExceptionContext> reports = new ArrayList<>();
        EventLoop loop = EventLoop.newEventLoop();
        loop.setExceptionHandler((l, context) -> reports.add(context));
        T result = run(test, () -> loop);
        assertEquals(List.of(), reports, "nothing went to the exception handler");
        return result;
    }

    @Async
    static Task<Void> connectAndClose() {
        Server server = await(startServer((r, w) -> {
            w.close();
            return done();
        }, "127.0.0.1", 0));
        Connection c = await(openConnection("127.0.0.1", server.port()));
        await(c.reader().read(-1));
        c.writer().close();
        server.close();
        await(server.waitClosed());
        return done();
    }

    /**
     * The JDK keeps one file descriptor of its own, made the first time it closes a socket in use (a spare it moves
     * onto closed sockets until their selector lets them go): made here, before any test counts.
     */
    @BeforeAll
    static void openTheJdksOwnDescriptorsFirst() {
        run(connectAndClose());
    }

    // ---- Server.abortClients ----------------------------------------------------------------------------------------

    @Async
    Task<Void> nonReadingClientThenCloseClients() {
        Flood flood = new Flood();
        Server server = await(startServer((r, w) -> floodsAndCloses(w, flood), "127.0.0.1", 0));
        Connection c = await(openConnection("127.0.0.1", server.port()));
        await(untilFlooded(flood));
        server.close();
        server.closeClients();
        Task<Void> closed = createTask(server.waitClosed());
        await(sleep(50));
        assertFalse(closed.isDone(), "closeClients sends the buffered bytes first, and the client takes none");
        assertEquals(1, server.connectionCount());

        long reachedTheSystem = flood.written - flood.writer.writeBufferSize();
        server.abortClients();
        assertTrue(closed.isDone(), "abortClients closed the last connection, and waitClosed completed with it");
        await(waitFor(closed, BOUND));
        assertEquals(0, server.connectionCount());
        assertEquals(0, flood.writer.writeBufferSize(), "the buffer was dropped");
        assertEquals(reachedTheSystem, (long) await(waitFor(count(c.reader()), BOUND)),
                "the client gets what the system had taken, then the end of the stream; nothing of the dropped buffer");
        c.writer().close();
        return done();
    }

    @Test
    void aClientThatNeverReadsDoesNotKeepTheServerOpenForEver() {
        long before = Fds.openIo();
        runQuietly(nonReadingClientThenCloseClients());
        assertEquals(before, Fds.openIo(), "both ends of the aborted connection, the server, the selector: closed");
    }

    /** Waits in a read for a client that sends nothing; logs what the read gave. */
    @Async
    static Task<Void> waitsToRead(StreamReader reader, StreamWriter writer, List<String> log) {
        byte[] got = await(reader.read(10));
        log.add("read " + got.length + " bytes");
        return done();
    }

    /** asyncio's producer: write, then drain, until the connection closes under it. */
    @Async
    static Task<Void> produces(StreamWriter writer, List<String> log) {
        byte[] chunk = new byte[CHUNK];
        while (!writer.isClosing()) {
            writer.write(chunk);
            await(writer.drain());
        }
        log.add("producer stopped");
        return done();
    }

    @Async
    Task<Void> abortClientsSettlesTheHandlers(List<String> log) {
        int[] accepted = {0};
        Server server = await(startServer((r, w) -> accepted[0]++ == 0 ? waitsToRead(r, w, log) : produces(w, log),
                "127.0.0.1", 0));
        Connection idle = await(openConnection("127.0.0.1", server.port()));
        for (int i = 0; i < 5000 && accepted[0] < 1; i++) {
            await(sleep(1));
        }
        Connection nonReading = await(openConnection("127.0.0.1", server.port()));
        for (int i = 0; i < 5000 && accepted[0] < 2; i++) {
            await(sleep(1));
        }
        await(sleep(50));   // the producer fills the kernel's buffers and waits in drain
        assertEquals(2, server.connectionCount());
        server.close();
        server.abortClients();
        assertEquals(0, server.connectionCount(), "both connections closed at once");
        await(waitFor(server.waitClosed(), BOUND));
        for (int i = 0; i < 1000 && log.size() < 2; i++) {
            await(sleep(1));   // the handlers, woken by the abort, run their last turn
        }
        assertEquals(Set.of("read 0 bytes", "producer stopped"), new HashSet<>(log),
                "the waiting read saw the end of the stream; the waiting drain completed, as asyncio's does");
        server.abortClients();   // harmless with nothing open
        assertEquals(0, await(waitFor(idle.reader().read(10), BOUND)).length, "the idle client sees the end");
        await(waitFor(count(nonReading.reader()), BOUND));
        idle.writer().close();
        nonReading.writer().close();
        return done();
    }

    @Test
    void abortClientsEndsTheWaitingReadsAndDrainsOfEveryHandler() {
        long before = Fds.openIo();
        runQuietly(abortClientsSettlesTheHandlers(new ArrayList<>()));
        assertEquals(before, Fds.openIo());
    }

    // ---- StreamWriter.abort -----------------------------------------------------------------------------------------

    /** Reads nothing until {@code go} is set, then counts the bytes to the end of the stream, and closes. */
    @Async
    static Task<Void> countsWhenTold(StreamReader reader, StreamWriter writer, Event go, long[] received) {
        await(go.waitSet());
        received[0] = await(count(reader));
        writer.close();
        return done();
    }

    @Async
    Task<Void> abortDropsTheBuffer() {
        Event go = new Event();
        long[] received = {-1};
        Server server = await(startServer((r, w) -> countsWhenTold(r, w, go, received), "127.0.0.1", 0));
        Connection c = await(openConnection("127.0.0.1", server.port()));
        StreamWriter out = c.writer();
        long written = await(fill(out));
        long reachedTheSystem = written - out.writeBufferSize();

        out.abort();
        assertTrue(out.isClosing());
        assertEquals(0, out.writeBufferSize(), "the buffer is dropped at once");
        Task<Void> closed = createTask(out.waitClosed());
        assertTrue(closed.isDone(), "the socket is closed at once");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> out.write(ascii("x")));
        assertEquals("write() after abort() on the stream to 127.0.0.1:" + server.port(), e.getMessage());
        out.abort();   // harmless twice
        await(out.drain());   // nothing left to drain
        assertEquals(0, await(c.reader().read(10)).length, "this side's reader sees the end of the stream");

        go.set();
        for (int i = 0; i < 10_000 && received[0] < 0; i++) {
            await(sleep(1));
        }
        assertEquals(reachedTheSystem, received[0],
                "the peer gets what the system had taken, then the end of the stream; nothing of the dropped buffer");
        server.close();
        await(waitFor(server.waitClosed(), BOUND));
        return done();
    }

    @Test
    void abortClosesAtOnceAndDropsTheBufferedBytes() {
        long before = Fds.openIo();
        runQuietly(abortDropsTheBuffer());
        assertEquals(before, Fds.openIo(), "the aborted socket is closed");
    }

    @Async
    Task<Void> abortWhileDraining() {
        Event never = new Event();
        Server server = await(startServer((r, w) -> countsWhenTold(r, w, never, new long[1]), "127.0.0.1", 0));
        Connection c = await(openConnection("127.0.0.1", server.port()));
        StreamWriter out = c.writer();
        await(fill(out));
        Task<Void> drain = createTask(out.drain());
        Task<Void> drain2 = createTask(out.drain());
        Task<byte[]> read = createTask(c.reader().read(10));
        Task<Void> closed = createTask(out.waitClosed());
        await(sleep(0));
        assertFalse(drain.isDone(), "drain waits: the buffer is far past the high water mark");
        assertFalse(read.isDone());
        assertFalse(closed.isDone());

        out.abort();
        // All settled before abort returned, each as asyncio's connection_lost(None) settles it.
        assertTrue(drain.isDone() && drain2.isDone());
        assertNull(drain.exception(), "a drain waiting when the writer is aborted completes normally");
        assertNull(drain2.exception());
        assertTrue(read.isDone());
        assertArrayEquals(new byte[0], read.result(), "the waiting read sees the end of the stream");
        assertTrue(closed.isDone() && closed.exception() == null);
        await(drain);
        assertThrows(IllegalStateException.class, () -> out.write(ascii("x")));
        server.close();
        server.abortClients();
        await(waitFor(server.waitClosed(), BOUND));
        return done();
    }

    @Test
    void abortCompletesTheWaitingDrainsReadsAndCloseWaits() {
        long before = Fds.openIo();
        runQuietly(abortWhileDraining());
        assertEquals(before, Fds.openIo());
    }

    @Async
    Task<Void> abortAfterClose() {
        Event never = new Event();
        Server server = await(startServer((r, w) -> countsWhenTold(r, w, never, new long[1]), "127.0.0.1", 0));
        Connection c = await(openConnection("127.0.0.1", server.port()));
        StreamWriter out = c.writer();
        await(fill(out));
        out.close();
        Task<Void> closed = createTask(out.waitClosed());
        await(sleep(50));
        assertFalse(closed.isDone(), "close waits to send the buffer to a peer that does not read");
        assertTrue(out.writeBufferSize() > 0);

        out.abort();
        assertTrue(closed.isDone(), "abort cut the close short");
        assertEquals(0, out.writeBufferSize());
        assertThrows(IllegalStateException.class, () -> out.write(ascii("x")));

        Connection quiet = await(openConnection("127.0.0.1", server.port()));
        quiet.writer().close();   // nothing buffered: closed at once
        await(quiet.writer().waitClosed());
        quiet.writer().abort();   // after the socket closed: nothing happens
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> quiet.writer().write(ascii("x")));
        assertTrue(e.getMessage().startsWith("write() after close()"), e.getMessage());

        server.close();
        server.abortClients();
        await(waitFor(server.waitClosed(), BOUND));
        return done();
    }

    @Test
    void abortAfterCloseDropsWhatTheCloseWasWaitingToSend() {
        long before = Fds.openIo();
        runQuietly(abortAfterClose());
        assertEquals(before, Fds.openIo());
    }

    // ---- Server.closeClients(grace) ---------------------------------------------------------------------------------

    /** Writes {@code size} bytes, then closes: without draining, so what the socket does not take waits. */
    static Task<Void> writesAndCloses(StreamWriter writer, int size) {
        writer.write(new byte[size]);
        writer.close();
        return done();
    }

    @Async
    Task<Void> clientsFinishWithinTheGrace() {
        List<Flood> floods = new ArrayList<>();
        Server server = await(startServer((r, w) -> {
            Flood flood = new Flood();
            floods.add(flood);
            return floodsAndCloses(w, flood);
        }, "127.0.0.1", 0));
        List<Connection> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(await(openConnection("127.0.0.1", server.port())));
        }
        for (int i = 0; i < 5000 && !(floods.size() == 3 && floods.stream().allMatch(f -> f.done)); i++) {
            await(sleep(1));
        }
        assertEquals(3, floods.size());
        assertTrue(floods.stream().allMatch(f -> f.done), "each handler filled its client and closed its writer");
        server.close();
        Task<Void> closing = createTask(server.closeClients(Duration.ofMinutes(10)));
        await(sleep(20));
        assertFalse(closing.isDone(), "the clients have not read what the server buffered for them");
        long received = 0;
        for (Connection c : clients) {
            received += await(waitFor(count(c.reader()), BOUND));
            c.writer().close();
        }
        long written = 0;
        for (Flood f : floods) {
            written += f.written;
        }
        assertEquals(written, received, "every byte was delivered: nothing was aborted");
        assertTrue(closing.isDone(), "closeClients(grace) completed with the last connection, long before the grace");
        await(closing);
        await(waitFor(server.waitClosed(), BOUND));
        await(waitFor(server.closeClients(Duration.ofMinutes(10)), BOUND));   // nothing open: completes at once
        return done();
    }

    @Test
    void closeClientsWithAGraceAbortsNothingWhenTheClientsReadInTime() {
        long before = Fds.openIo();
        runQuietly(clientsFinishWithinTheGrace());
        assertEquals(before, Fds.openIo());
    }

    @Async
    Task<Void> aClientOutlastsTheGrace() {
        Flood flood = new Flood();
        int size = 1024 * 1024;
        int[] accepted = {0};
        Server server = await(startServer((r, w) -> accepted[0]++ == 0 ? floodsAndCloses(w, flood)
                : writesAndCloses(w, size), "127.0.0.1", 0));
        Connection nonReading = await(openConnection("127.0.0.1", server.port()));
        await(untilFlooded(flood));
        Connection reading = await(openConnection("127.0.0.1", server.port()));
        for (int i = 0; i < 5000 && accepted[0] < 2; i++) {
            await(sleep(1));
        }
        assertEquals(2, accepted[0]);
        Task<Long> reads = createTask(count(reading.reader()));
        Duration grace = Duration.ofSeconds(1);   // ample for the reading client, even on a loaded machine
        double start = EventLoop.current().time();
        await(waitFor(server.closeClients(grace), BOUND));
        assertTrue(EventLoop.current().time() - start >= grace.toMillis() / 1000.0,
                "the non-reading client was aborted at the deadline, not before");
        assertEquals(0, server.connectionCount());
        assertEquals(size, (long) await(waitFor(reads, BOUND)), "the client that read got every byte");
        long received = await(waitFor(count(nonReading.reader()), BOUND));
        assertTrue(received < flood.written, "the aborted connection's buffered bytes never arrived: "
                + received + " of " + flood.written);
        server.close();
        await(waitFor(server.waitClosed(), BOUND));
        reading.writer().close();
        nonReading.writer().close();
        return done();
    }

    @Test
    void closeClientsWithAGraceAbortsTheConnectionsStillOpenAtTheDeadline() {
        long before = Fds.openIo();
        runQuietly(aClientOutlastsTheGrace());
        assertEquals(before, Fds.openIo());
    }

    @Async
    Task<Void> cancelTheGrace() {
        Flood flood = new Flood();
        Server server = await(startServer((r, w) -> floodsAndCloses(w, flood), "127.0.0.1", 0));
        Connection c = await(openConnection("127.0.0.1", server.port()));
        await(untilFlooded(flood));
        assertThrows(IllegalArgumentException.class, () -> server.closeClients(Duration.ofMillis(-1)));
        Task<Void> notStarted = server.closeClients(Duration.ZERO);
        await(sleep(20));
        assertEquals(1, server.connectionCount(), "closeClients(grace) does nothing until its task starts");
        assertFalse(notStarted.isDone());
        Task<Void> closing = createTask(server.closeClients(Duration.ofMillis(300)));
        await(sleep(0));
        closing.cancel();
        try {
            await(closing);
            throw new AssertionError("the cancelled closeClients completed");
        } catch (CancellationException expected) {
            // the wait and the abort are cancelled
        }
        await(sleep(600));   // past the deadline
        assertEquals(1, server.connectionCount(), "nothing was aborted: the connection is still closing gracefully");
        assertTrue(flood.writer.writeBufferSize() > 0);
        server.close();
        server.abortClients();
        await(waitFor(server.waitClosed(), BOUND));
        await(waitFor(count(c.reader()), BOUND));
        c.writer().close();
        return done();
    }

    @Test
    void cancellingCloseClientsWithAGraceCancelsTheAbort() {
        long before = Fds.openIo();
        runQuietly(cancelTheGrace());
        assertEquals(before, Fds.openIo());
    }
}
