package dev.weft.samples;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A plain blocking socket that sends and reads lines, with a bound on every read, and keeps what it read. */
final class LineClient implements AutoCloseable {
    private final Socket socket = new Socket();
    private final BufferedReader in;
    private final OutputStream out;
    final List<String> seen = new ArrayList<>();

    LineClient(int port) throws Exception {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    void send(String line) throws Exception {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next line the server sends, or null when it closes the connection; fails after ten seconds. */
    String read() throws Exception {
        String line = in.readLine();
        seen.add(line == null ? "<closed>" : line);
        return line;
    }

    @Override
    public void close() throws Exception {
        socket.close();
    }
}
