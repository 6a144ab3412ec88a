package dev.weft.conformance.net;

import dev.weft.Async;
import dev.weft.Datagram;
import dev.weft.DatagramEndpoint;
import dev.weft.Task;
import dev.weft.conformance.Steps;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.*;
import static dev.weft.conformance.net.Bytes.ascii;
import static dev.weft.conformance.net.Bytes.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UDP endpoints: datagrams in order, receivers served first come first served, cancellation, closing. */
class DatagramTest {
    private final Steps steps = new Steps();

    @Async
    Task<Void> receives(DatagramEndpoint endpoint, String name, int waits, int gets) {
        steps.expect(waits, name + " waits");
        Datagram d = await(endpoint.receive());
        steps.expect(gets, name + " gets " + text(d.data()));
        return done();
    }

    @Async
    Task<Void> exchange() {
        DatagramEndpoint server = await(openDatagramEndpoint("127.0.0.1", 0));
        DatagramEndpoint client = await(openDatagramEndpoint("127.0.0.1", 0));
        assertTrue(server.localAddress().getPort() > 0);
        Task<Void> first = createTask(receives(server, "first", 1, 3));
        Task<Void> second = createTask(receives(server, "second", 2, 4));
        await(sleep(0));
        client.send(ascii("a"), server.localAddress());
        client.send(ascii("b"), server.localAddress());
        await(first);
        await(second);
        client.send(ascii("c"), server.localAddress());
        client.send(ascii("d"), server.localAddress());
        await(sleep(50));   // both arrive and are queued
        Datagram c = await(server.receive());
        assertEquals("c", text(c.data()));
        assertEquals(client.localAddress(), c.sender(), "the sender's address comes with the datagram");
        server.send(ascii("reply"), c.sender());
        assertEquals("reply", text(await(client.receive()).data()));
        steps.expect(5, "reply");
        assertEquals("d", text(await(server.receive()).data()));
        Task<Datagram> pending = createTask(server.receive());
        await(sleep(0));
        server.close();
        try {
            await(pending);
            throw steps.unreachable("received on a closed endpoint");
        } catch (UncheckedIOException e) {
            assertEquals("receive() on the closed datagram endpoint 127.0.0.1:" + server.localAddress().getPort(),
                    e.getMessage());
        }
        IllegalStateException send = assertThrows(IllegalStateException.class,
                () -> server.send(ascii("x"), client.localAddress()));
        assertTrue(send.getMessage().contains("closed datagram endpoint 127.0.0.1:"), send.getMessage());
        client.close();
        steps.expect(6, "closed");
        return done();
    }

    @Test
    void datagramsArriveInOrderAndWaitingReceiversAreServedInTheOrderTheyCame() {
        run(exchange());
        steps.finish(6);
    }

    @Async
    Task<Void> cancelledReceive() {
        DatagramEndpoint server = await(openDatagramEndpoint("127.0.0.1", 0));
        DatagramEndpoint client = await(openDatagramEndpoint("127.0.0.1", 0));
        Task<Datagram> cancelled = createTask(server.receive());
        await(sleep(0));
        cancelled.cancel();
        try {
            await(cancelled);
        } catch (CancellationException e) {
            steps.expect(1, "receive cancelled");
        }
        client.send(ascii("kept"), server.localAddress());
        assertEquals("kept", text(await(server.receive()).data()), "the cancelled receive took nothing");
        steps.expect(2);
        server.close();
        client.close();
        return done();
    }

    @Test
    void aCancelledReceiveTakesNoDatagram() {
        run(cancelledReceive());
        steps.finish(2);
    }
}
