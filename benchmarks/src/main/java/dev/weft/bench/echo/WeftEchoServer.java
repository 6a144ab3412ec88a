package dev.weft.bench.echo;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.Server;
import dev.weft.StreamReader;
import dev.weft.StreamWriter;
import dev.weft.Task;

import java.util.concurrent.TimeUnit;

import static dev.weft.Weft.*;

/** The echo server as a Weft user writes it: one loop on its own thread, a task per connection. */
final class WeftEchoServer implements Echo.EchoServer {
    private final EventLoop loop = EventLoop.newEventLoop();
    private final Thread thread = new Thread(loop::runForever, "weft-echo-loop");
    private final Server server;

    WeftEchoServer() throws Exception {
        thread.setDaemon(true);
        thread.start();
        server = runCoroutineThreadsafe(startServer(WeftEchoServer::echo, "127.0.0.1", 0), loop)
                .get(10, TimeUnit.SECONDS);
    }

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

    @Async
    static Task<Void> shutDown(Server server) {
        server.close();
        server.closeClients();
        await(server.waitClosed());
        return done();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void close() throws Exception {
        runCoroutineThreadsafe(shutDown(server), loop).get(10, TimeUnit.SECONDS);
        loop.callSoonThreadsafe(loop::stop);
        thread.join(10_000);
        loop.close();
    }
}
