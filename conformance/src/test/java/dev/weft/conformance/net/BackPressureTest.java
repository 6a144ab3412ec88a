package dev.weft.conformance.net;

import dev.weft.Async;
import dev.weft.Connection;
import dev.weft.Event;
import dev.weft.Server;
import dev.weft.StreamReader;
import dev.weft.StreamWriter;
import dev.weft.Task;
import dev.weft.conformance.Steps;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code drain()} waits while more than the high water mark is buffered and resumes at the low water mark; a reader
 * that does not read makes the kernel's buffers fill, so the writer's buffer grows.
 */
class BackPressureTest {
    private static final int CHUNK = 16 * 1024;
    /** More than any loopback socket buffers: the writer's own buffer must grow before this much is written. */
    private static final long WRITE_AT_MOST = 256L * 1024 * 1024;

    private final Steps steps = new Steps();

    /** Reads nothing until {@code go} is set, then counts every byte to the end of the stream and answers the count. */
    @Async
    static Task<Void> countsWhenTold(StreamReader reader, StreamWriter writer, Event go) {
        await(go.waitSet());
        long total = 0;
        while (true) {
            byte[] got = await(reader.read(64 * 1024));
            if (got.length == 0) {
                break;
            }
            total += got.length;
        }
        writer.write(Bytes.ascii(total + "\n"));
        writer.close();
        return done();
    }

    @Async
    Task<Void> drainWaitsForTheLowWaterMark() {
        Event go = new Event();
        Server server = await(startServer((r, w) -> countsWhenTold(r, w, go), "127.0.0.1", 0));
        Connection c = await(openConnection("127.0.0.1", server.port()));
        StreamWriter out = c.writer();
        out.setWriteBufferLimits(64 * 1024, 16 * 1024);
        byte[] chunk = new byte[CHUNK];
        long written = 0;
        while (out.writeBufferSize() <= 64 * 1024) {
            assertTrue(written < WRITE_AT_MOST, "the writer's buffer never grew: the reader is not reading");
            out.write(chunk);
            written += CHUNK;
            await(sleep(0));   // let the loop flush what the socket takes
        }
        steps.expect(1, "buffered past the high water mark");
        Task<Void> cancelled = createTask(out.drain());
        Task<Void> drain = createTask(drains(out));
        await(sleep(50));
        assertFalse(drain.isDone(), "drain waits while the reader reads nothing");
        cancelled.cancel();
        steps.expect(2, "telling the reader to read");
        go.set();
        await(drain);
        steps.expect(4, "drained");
        assertTrue(cancelled.isCancelled());
        out.writeEof();
        long counted = Long.parseLong(Bytes.text(await(c.reader().readLine())).trim());
        assertEquals(written, counted, "every byte arrived");
        c.writer().close();
        server.close();
        await(server.waitClosed());
        return done();
    }

    @Async
    Task<Void> drains(StreamWriter out) {
        await(out.drain());
        assertTrue(out.writeBufferSize() <= 16 * 1024, "drained at " + out.writeBufferSize() + " bytes");
        steps.expect(3, "drain returned at the low water mark");
        return done();
    }

    @Test
    void drainWaitsPastTheHighWaterMarkUntilTheLowOneAndACancelledDrainTakesNothing() {
        run(drainWaitsForTheLowWaterMark());
        steps.finish(4);
    }

    @Async
    Task<Void> cancelWhileDraining() {
        Event never = new Event();
        Server server = await(startServer((r, w) -> countsWhenTold(r, w, never), "127.0.0.1", 0));
        Connection c = await(openConnection("127.0.0.1", server.port()));
        StreamWriter out = c.writer();
        out.setWriteBufferLimits(0, 0);
        byte[] chunk = new byte[CHUNK];
        long written = 0;
        while (out.writeBufferSize() == 0) {
            assertTrue(written < WRITE_AT_MOST, "the writer's buffer never grew");
            out.write(chunk);
            written += CHUNK;
        }
        Task<Void> drain = createTask(out.drain());
        await(sleep(0));
        assertFalse(drain.isDone());
        drain.cancel();
        try {
            await(drain);
        } catch (CancellationException e) {
            steps.expect(1, "drain cancelled");
        }
        out.close();   // buffered bytes are dropped once the socket closes; the server is closed under them
        server.close();
        server.closeClients();
        await(server.waitClosed());
        return done();
    }

    @Test
    void cancellingAWaitingDrainLeavesTheWriterUsable() {
        run(cancelWhileDraining());
        steps.finish(1);
    }
}
