package dev.weft.conformance.net;

import dev.weft.Async;
import dev.weft.Connection;
import dev.weft.Server;
import dev.weft.StreamWriter;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Closing a connection without waiting for a peer that does not read. */
class AbortTest {
    private static final int CHUNK = 64 * 1024;
    /** What a writer must hold in its own buffer before the tests go on: far more than any drain would allow. */
    private static final int STUCK = 1024 * 1024;
    /** More than any loopback socket buffers: the writer's own buffer must grow before this much is written. */
    private static final long WRITE_AT_MOST = 256L * 1024 * 1024;
    private static final Duration BOUND = Duration.ofSeconds(10);

    /** What a flooding writer did. */
    static final class Flood {
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

    /** A handler that floods its client, then closes its writer: the close waits for bytes the client never takes. */
    static Task<Void> floodsAndCloses(StreamWriter writer, Flood flood) {
        flood.written = flood(writer);
        writer.close();
        flood.done = true;
        return done();
    }

    @Async
    Task<Void> nonReadingClientThenCloseClients() {
        Flood flood = new Flood();
        Server server = await(startServer((r, w) -> floodsAndCloses(w, flood), "127.0.0.1", 0));
        Connection c = await(openConnection("127.0.0.1", server.port()));
        for (int i = 0; i < 1000 && !flood.done; i++) {
            await(sleep(1));
        }
        assertTrue(flood.done, "the handler ran");
        server.close();
        server.closeClients();
        await(waitFor(server.waitClosed(), BOUND));
        assertEquals(0, server.connectionCount());
        c.writer().close();
        return done();
    }

    @Test
    void aClientThatNeverReadsDoesNotKeepTheServerOpenForEver() {
        run(nonReadingClientThenCloseClients());
    }
}
