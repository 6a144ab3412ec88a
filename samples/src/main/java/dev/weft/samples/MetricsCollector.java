package dev.weft.samples;

import dev.weft.Async;
import dev.weft.Datagram;
import dev.weft.DatagramEndpoint;
import dev.weft.EventLoop;
import dev.weft.Task;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static dev.weft.Weft.*;

/**
 * A metric collector over UDP, the tutorial's first use case for asyncio: senders send datagrams {@code name:value}
 * (several separated by newlines in one datagram are fine); every second the collector prints, per metric, how many
 * values came and their sum, minimum, maximum and average, in name order:
 * {@code second 3: cpu count=3 sum=6.00 min=1.00 max=3.00 avg=2.00}. Seconds without datagrams print nothing; a
 * datagram it cannot read is reported as {@code bad datagram from ADDRESS: TEXT}.
 *
 * <p>Two tasks on one loop: one receives and adds each value to the current second; one wakes at each second's end,
 * on the loop's clock, and prints and clears it.
 *
 * <p>Run: {@code mvn -pl samples -am verify exec:java@run -Dsample=dev.weft.samples.MetricsCollector
 * -Dexec.args=8125}, then {@link MetricsSender}.
 */
public class MetricsCollector {
    private final Consumer<String> output;
    private final Map<String, Stats> current = new TreeMap<>();

    /** Count, sum, minimum and maximum of one metric in one second. */
    static final class Stats {
        long count;
        double sum;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(double value) {
            count++;
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "count=%d sum=%.2f min=%.2f max=%.2f avg=%.2f", count, sum, min, max,
                    sum / count);
        }
    }

    MetricsCollector(Consumer<String> output) {
        this.output = output;
    }

    /**
     * Collects from {@code endpoint} and reports each second to {@code output} until cancelled (or the endpoint
     * closes).
     */
    @Async
    public static Task<Void> collect(DatagramEndpoint endpoint, Consumer<String> output) {
        MetricsCollector collector = new MetricsCollector(output);
        // Seconds count from now, before the first datagram: the reporting task itself starts an iteration later.
        Task<Void> reporting = createTask(collector.reportEverySecond(EventLoop.current().time()));
        try {
            while (true) {
                collector.add(await(endpoint.receive()));
            }
        } finally {
            reporting.cancel();
            endpoint.close();
        }
    }

    private void add(Datagram d) {
        String text = new String(d.data(), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            int colon = line.lastIndexOf(':');
            double value;
            try {
                value = Double.parseDouble(line.substring(colon + 1).trim());
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                value = Double.NaN;
            }
            if (colon <= 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                output.accept("bad datagram from " + d.sender().getAddress().getHostAddress() + ":"
                        + d.sender().getPort() + ": " + line);
                continue;
            }
            current.computeIfAbsent(line.substring(0, colon).trim(), name -> new Stats()).add(value);
        }
    }

    /** Sleeps to the end of each second of the loop's clock, counted from {@code start}, and reports it. */
    @Async
    Task<Void> reportEverySecond(double start) {
        EventLoop loop = EventLoop.current();
        for (long second = 1; ; second++) {
            long wait = Math.round((start + second - loop.time()) * 1000);
            await(sleep(Math.max(0, wait)));
            for (Map.Entry<String, Stats> metric : current.entrySet()) {
                output.accept("second " + second + ": " + metric.getKey() + " " + metric.getValue());
            }
            current.clear();
        }
    }

    @Async
    static Task<Void> main(int port) {
        DatagramEndpoint endpoint = await(openDatagramEndpoint("127.0.0.1", port));
        System.out.println("collecting metrics on 127.0.0.1:" + endpoint.localAddress().getPort());
        await(collect(endpoint, System.out::println));
        return done();
    }

    public static void main(String[] args) {
        run(main(args.length > 0 ? Integer.parseInt(args[0]) : 8125));
    }
}
