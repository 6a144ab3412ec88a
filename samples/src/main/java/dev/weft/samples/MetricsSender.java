package dev.weft.samples;

import dev.weft.Async;
import dev.weft.DatagramEndpoint;
import dev.weft.Task;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static dev.weft.Weft.*;

/**
 * Sends metrics to a {@link MetricsCollector}: one datagram {@code name:value} per metric. {@link #send} sends given
 * lines; the program sends a made-up cpu and memory reading every 200 ms for ten seconds.
 *
 * <p>Run: {@code mvn -pl samples -am verify exec:java@run -Dsample=dev.weft.samples.MetricsSender
 * -Dexec.args=8125}.
 */
public class MetricsSender {

    /** Sends each of {@code lines} as one datagram to {@code host:port}, in order. */
    @Async
    public static Task<Void> send(String host, int port, List<String> lines) {
        DatagramEndpoint endpoint = await(openDatagramEndpoint("127.0.0.1", 0));
        try {
            InetSocketAddress collector = new InetSocketAddress(host, port);
            for (String line : lines) {
                endpoint.send(line.getBytes(StandardCharsets.UTF_8), collector);
            }
        } finally {
            endpoint.close();
        }
        return done();
    }

    @Async
    static Task<Void> main(int port) {
        Random random = new Random();
        for (int i = 0; i < 50; i++) {
            await(send("127.0.0.1", port, List.of("cpu:" + random.nextInt(100),
                    "memory:" + (500 + random.nextInt(100)))));
            await(sleep(200));
        }
        return done();
    }

    public static void main(String[] args) {
        run(main(args.length > 0 ? Integer.parseInt(args[0]) : 8125));
    }
}
