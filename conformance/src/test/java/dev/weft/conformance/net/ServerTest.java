package dev.weft.conformance.net;

import dev.weft.Async;
import dev.weft.Connection;
import dev.weft.EventLoop;
import dev.weft.ExceptionContext;
import dev.weft.Server;
import dev.weft.StreamReader;
import dev.weft.StreamWriter;
import dev.weft.Task;
import dev.weft.conformance.Steps;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.*;
import static dev.weft.conformance.net.Bytes.ascii;
import static dev.weft.conformance.net.Bytes.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server's life: serving, closing, waiting for its connections, and what happens to a failing handler. */
class ServerTest {
    private final Steps steps = new Steps();

    /** Sends a greeting, then waits for the client's end of stream and closes. */
    @Async
    static Task<Void> greets(StreamReader reader, StreamWriter writer) {
        writer.write(ascii("hi\n"));
        await(reader.read(-1));
        writer.close();
        return done();
    }

    @Async
    Task<Void> serveForeverUntilClosed() {
        Server server = await(startServer(ServerTest::greets, "127.0.0.1", 0));
        assertTrue(server.isServing());
        Task<Void> serving = createTask(serveForever(server));
        Connection c = await(openConnection("127.0.0.1", server.port()));
        assertEquals("hi\n", text(await(c.reader().readLine())));
        steps.expect(2, "greeted");
        assertEquals(1, server.connectionCount());
        server.close();
        assertFalse(server.isServing());
        steps.expect(3, "closed");
        await(serving);
        steps.expect(5, "serveForever returned");
        Task<Void> closed = createTask(server.waitClosed());
        await(sleep(20));
        assertFalse(closed.isDone(), "waitClosed waits for the open connection");
        c.writer().writeEof();   // the handler closes its side
        await(closed);
        steps.expect(6, "waitClosed after the last connection closed");
        assertEquals(0, server.connectionCount());
        c.writer().close();
        return done();
    }

    @Async
    Task<Void> serveForever(Server server) {
        steps.expect(1, "serving");
        await(server.serveForever());
        steps.expect(4, "serving ended");
        return done();
    }

    @Test
    void serveForeverReturnsOnCloseAndWaitClosedWaitsForTheConnections() {
        run(serveForeverUntilClosed());
        steps.finish(6);
    }

    @Async
    Task<Void> cancelServing() {
        Server server = await(startServer(ServerTest::greets, "127.0.0.1", 0));
        Task<Void> serving = createTask(server.serveForever());
        await(sleep(0));
        serving.cancel();
        assertTrue(serving.isCancelled());
        assertFalse(server.isServing(), "cancelling serveForever closes the server");
        await(server.waitClosed());
        return done();
    }

    @Test
    void cancellingServeForeverClosesTheServer() {
        run(cancelServing());
    }

    @Async
    Task<Void> closeClients() {
        Server server = await(startServer(ServerTest::greets, "127.0.0.1", 0));
        List<Connection> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Connection c = await(openConnection("127.0.0.1", server.port()));
            assertEquals("hi\n", text(await(c.reader().readLine())));
            clients.add(c);
        }
        assertEquals(3, server.connectionCount());
        server.close();
        server.closeClients();
        await(server.waitClosed());
        for (Connection c : clients) {
            assertEquals(0, await(c.reader().read(10)).length, "the server closed this connection");
            c.writer().close();
        }
        return done();
    }

    @Test
    void closeClientsClosesEveryAcceptedConnection() {
        run(closeClients());
    }

    @Async
    static Task<Void> fails(StreamReader reader, StreamWriter writer) {
        await(reader.readLine());
        throw new IllegalStateException("handler bug");
    }

    @Async
    Task<Void> failingHandler() {
        Server server = await(startServer(ServerTest::fails, "127.0.0.1", 0));
        Connection c = await(openConnection("127.0.0.1", server.port()));
        c.writer().write(ascii("go\n"));
        assertEquals(0, await(c.reader().read(10)).length, "the server closes the connection of a failed handler");
        c.writer().close();
        server.close();
        await(server.waitClosed());
        return done();
    }

    @Test
    void aFailingHandlerIsReportedAndItsConnectionClosed() {
        List<ExceptionContext> reports = new ArrayList<>();
        EventLoop loop = EventLoop.newEventLoop();
        loop.setExceptionHandler((l, context) -> reports.add(context));
        run(failingHandler(), () -> loop);
        assertEquals(1, reports.size(), "reports: " + reports);
        assertTrue(reports.get(0).message().startsWith("Unhandled exception in the connection handler"),
                reports.get(0).message());
        assertEquals("handler bug", reports.get(0).exception().getMessage());
    }

    @Async
    Task<Void> handlersAreCancelledAtTheEndOfRun(List<String> log) {
        Server server = await(startServer((r, w) -> waitsForever(r, w, log), "127.0.0.1", 0));
        await(openConnection("127.0.0.1", server.port()));
        while (log.isEmpty()) {
            await(sleep(1));
        }
        return done();
    }

    @Async
    static Task<Void> waitsForever(StreamReader reader, StreamWriter writer, List<String> log) {
        log.add("handling");
        try {
            await(reader.read(-1));
        } catch (CancellationException e) {
            log.add("cancelled");
            throw e;
        }
        return done();
    }

    @Test
    void runCancelsHandlersStillRunningAndClosesTheirSockets() {
        long before = Fds.open();
        List<String> log = new ArrayList<>();
        run(handlersAreCancelledAtTheEndOfRun(log));
        assertEquals(List.of("handling", "cancelled"), log);
        assertEquals(before, Fds.open(), "closing the loop closed the server, both connection ends and the selector");
    }
}
