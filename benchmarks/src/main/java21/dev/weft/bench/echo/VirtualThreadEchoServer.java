package dev.weft.bench.echo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The echo server as a blocking program on virtual threads: one accepting thread, one virtual thread per connection
 * reading and writing with plain streams; TCP_NODELAY as on every side.
 */
final class VirtualThreadEchoServer implements Echo.EchoServer {
    private final ServerSocket listener = new ServerSocket(0, 1024, InetAddress.getByName("127.0.0.1"));
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    VirtualThreadEchoServer() throws IOException {
        acceptor = Thread.ofVirtual().name("echo-acceptor").start(this::accept);
    }

    private void accept() {
        while (true) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException closed) {
                return;
            }
            connections.add(s);
            Thread.ofVirtual().start(() -> echo(s));
        }
    }

    private void echo(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException closed) {
            // the client went away or the server is closing: the connection ends
        } finally {
            connections.remove(s);
        }
    }

    @Override
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        listener.close();
        acceptor.join();
        for (Socket s : connections) {
            s.close();
        }
    }
}
