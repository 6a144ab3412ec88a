package dev.weft.conformance.net;

import dev.weft.Async;
import dev.weft.AsyncTimeoutException;
import dev.weft.Connection;
import dev.weft.IncompleteReadException;
import dev.weft.LimitOverrunException;
import dev.weft.Server;
import dev.weft.StreamReader;
import dev.weft.StreamWriter;
import dev.weft.Task;
import dev.weft.conformance.Steps;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.*;
import static dev.weft.conformance.net.Bytes.ascii;
import static dev.weft.conformance.net.Bytes.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stream reads and writes over real sockets on 127.0.0.1: what each read gives, in what order, at the end of the
 * stream, and when cancelled. The server side of each test is a handler that records its own steps.
 */
class StreamsTest {
    private final Steps steps = new Steps();

    /** Echoes each line back, upper-cased, until the end of the stream, then closes. */
    @Async
    static Task<Void> upperEcho(StreamReader reader, StreamWriter writer) {
        while (true) {
            byte[] line = await(reader.readLine());
            if (line.length == 0) {
                break;
            }
            writer.write(ascii(text(line).toUpperCase()));
            await(writer.drain());
        }
        writer.close();
        await(writer.waitClosed());
        return done();
    }

    @Async
    Task<Void> linesRoundTrip() {
        Server server = await(startServer(StreamsTest::upperEcho, "127.0.0.1", 0));
        assertTrue(server.port() > 0, "port 0 binds a free port");
        Connection c = await(openConnection("127.0.0.1", server.port()));
        steps.expect(1, "connected");
        assertEquals(server.port(), c.writer().remoteAddress().getPort());
        assertEquals("127.0.0.1", c.writer().localAddress().getAddress().getHostAddress());
        c.writer().write(ascii("hello\nwor"));
        c.writer().write(ascii("ld\n"));
        await(c.writer().drain());
        assertEquals("HELLO\n", text(await(c.reader().readLine())));
        steps.expect(2, "first line back");
        assertEquals("WORLD\n", text(await(c.reader().readLine())));
        steps.expect(3, "second line back");
        c.writer().writeEof();
        assertEquals(0, await(c.reader().read(100)).length, "the server closes after our end of stream");
        assertTrue(c.reader().atEof());
        steps.expect(4, "end of stream");
        c.writer().close();
        await(c.writer().waitClosed());
        server.close();
        await(server.waitClosed());
        steps.expect(5, "all closed");
        return done();
    }

    @Test
    void linesGoBackAndForthInOrderAndTheEndOfStreamReachesTheServer() {
        run(linesRoundTrip());
        steps.finish(5);
    }

    /** Writes {@code parts}, each after the client signals with one byte, then closes. */
    @Async
    static Task<Void> sendsOnCue(StreamReader reader, StreamWriter writer, String... parts) {
        for (String part : parts) {
            await(reader.readExactly(1));
            writer.write(ascii(part));
        }
        await(reader.read(1));   // the client's end of stream
        writer.close();
        return done();
    }

    @Async
    Task<Connection> connectTo(Server server) {
        return done(await(openConnection("127.0.0.1", server.port())));
    }

    @Async
    Task<Void> readKinds() {
        Server server = await(startServer((r, w) -> sendsOnCue(r, w, "abc", "de|fg", "h\nrest"), "127.0.0.1", 0));
        Connection c = await(connectTo(server));
        StreamReader in = c.reader();
        c.writer().write(ascii("."));
        assertEquals("ab", text(await(in.read(2))), "read(n) gives at most n");
        assertEquals("c", text(await(in.read(100))), "read(n) gives what is buffered without waiting for n");
        c.writer().write(ascii("."));
        assertEquals("de|", text(await(in.readUntil(ascii("|")))), "readUntil includes the separator");
        c.writer().write(ascii("."));
        assertEquals("fgh", text(await(in.readExactly(3))));
        assertEquals("\n", text(await(in.readLine())));
        c.writer().writeEof();
        assertFalse(in.atEof());
        assertEquals("rest", text(await(in.read(-1))), "read(-1) reads to the end");
        assertTrue(in.atEof());
        assertEquals(0, await(in.read(10)).length, "read at the end of the stream gives an empty array");
        assertEquals(0, await(in.readLine()).length, "so does readLine");
        c.writer().close();
        server.close();
        await(server.waitClosed());
        return done();
    }

    @Test
    void eachReadTakesWhatItPromisesAndTheRestStaysBuffered() {
        run(readKinds());
    }

    @Async
    Task<Void> incompleteReads() {
        Server server = await(startServer((r, w) -> sendsOnCue(r, w, "abc", "xyz"), "127.0.0.1", 0));
        Connection c = await(connectTo(server));
        c.writer().write(ascii("."));
        assertEquals("a", text(await(c.reader().readExactly(1))));
        c.writer().write(ascii("."));
        c.writer().writeEof();   // the server closes after its second part
        try {
            await(c.reader().readExactly(10));
            throw steps.unreachable("readExactly(10) got 10 bytes from a stream of 5");
        } catch (IncompleteReadException e) {
            assertEquals("bcxyz", text(e.partial()), "the partial bytes travel in the exception");
            assertEquals(10, e.expected());
            assertTrue(e.getCause() instanceof java.io.EOFException, "cause: " + e.getCause());
            assertTrue(e.getMessage().contains("127.0.0.1:" + server.port()), e.getMessage());
        }
        assertTrue(c.reader().atEof(), "the partial bytes left the buffer");
        c.writer().close();
        server.close();
        await(server.waitClosed());
        return done();
    }

    @Test
    void aPeerClosingMidReadExactlyGivesIncompleteReadWithThePartialBytes() {
        run(incompleteReads());
    }

    @Async
    Task<Void> limits() {
        Server server = await(startServer((r, w) -> sendsOnCue(r, w, "0123456789|ab|", "0123456789\nok\n",
                "x".repeat(40)), "127.0.0.1", 0, 8));
        Connection c = await(openConnection("127.0.0.1", server.port(), 8));
        StreamReader in = c.reader();
        assertEquals(8, in.limit());
        c.writer().write(ascii("."));
        await(sleep(50));   // the whole part arrives
        LimitOverrunException found = await(overrunOf(in.readUntil(ascii("|"))));
        assertEquals(10, found.consumed(), "the separator is 10 bytes in");
        assertTrue(found.getMessage().contains("longer than the limit"), found.getMessage());
        assertEquals("0123456789", text(await(in.readExactly(10))), "readUntil leaves the data buffered");
        assertEquals("|ab|", text(await(in.readExactly(4))));
        c.writer().write(ascii("."));
        await(sleep(50));
        LimitOverrunException line = await(overrunOf(in.readLine()));
        assertEquals(10, line.consumed());
        assertEquals("ok\n", text(await(in.readLine())), "readLine dropped the long line, separator included");
        c.writer().write(ascii("."));
        await(sleep(50));
        LimitOverrunException notFound = await(overrunOf(in.readUntil(ascii("|"))));
        assertTrue(notFound.getMessage().contains("not found"), notFound.getMessage());
        c.writer().close();
        server.close();
        await(server.waitClosed());
        return done();
    }

    @Async
    static Task<LimitOverrunException> overrunOf(Task<byte[]> read) {
        try {
            byte[] got = await(read);
            throw new AssertionError("expected a LimitOverrunException, read " + text(got));
        } catch (LimitOverrunException e) {
            return done(e);
        }
    }

    @Test
    void readUntilAndReadLineRespectTheLimitAsAsyncioDoes() {
        run(limits());
    }

    @Async
    Task<Void> cancelledReads() {
        Server server = await(startServer((r, w) -> sendsOnCue(r, w, "hel", "lo\nworld"), "127.0.0.1", 0));
        Connection c = await(connectTo(server));
        StreamReader in = c.reader();
        c.writer().write(ascii("."));
        try {
            await(waitFor(in.readLine(), Duration.ofMillis(100)));
            throw steps.unreachable("a line came before its end");
        } catch (AsyncTimeoutException e) {
            steps.expect(1, "readLine timed out on a partial line");
        }
        c.writer().write(ascii("."));
        assertEquals("hello\n", text(await(in.readLine())), "the timed-out read took nothing");
        steps.expect(2, "the whole line");
        Task<byte[]> toEnd = createTask(in.read(-1));
        await(sleep(100));   // "world" arrives and read(-1) gathers it while it waits for the end
        toEnd.cancel();
        try {
            await(toEnd);
        } catch (CancellationException e) {
            steps.expect(3, "read(-1) cancelled");
        }
        assertEquals("world", text(await(in.readExactly(5))), "the cancelled read(-1) gave back what it gathered");
        steps.expect(4);
        Task<byte[]> waiting = createTask(in.read(10));
        await(sleep(0));
        try {
            await(in.read(10));
            throw steps.unreachable("a second read started while one waits");
        } catch (IllegalStateException twice) {
            assertTrue(twice.getMessage().contains("one read at a time"), twice.getMessage());
        }
        waiting.cancel();
        c.writer().close();
        server.close();
        await(server.waitClosed());
        steps.expect(5, "closed");
        return done();
    }

    @Test
    void aCancelledReadLosesNoBytesAndOnlyOneReadWaitsAtATime() {
        run(cancelledReads());
        steps.finish(5);
    }
}
