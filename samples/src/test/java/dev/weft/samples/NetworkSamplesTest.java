package dev.weft.samples;

import dev.weft.EventLoop;
import dev.weft.Queue;
import dev.weft.Server;
import dev.weft.DatagramEndpoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The network samples over real sockets on 127.0.0.1: the chat room with plain socket clients and a
 * {@link ChatClient}, each seeing exactly the lines listed; the metrics collector on a loop whose clock the test moves,
 * so every datagram lands in the second the test means.
 */
class NetworkSamplesTest {

    /** The next of {@code lines}, waiting at most ten seconds. */
    private static String next(BlockingQueue<String> lines) throws InterruptedException {
        String line = lines.poll(10, TimeUnit.SECONDS);
        return line == null ? "<nothing within 10 s>" : line;
    }

    @Test
    void theDocumentedEchoExamplePrintsTheLineItSent() throws Exception {
        assertEquals(List.of("hello"), SamplesTest.output(() -> StreamsEcho.main(new String[0])));
    }

    @Test
    void chatRoomMembersSeeJoinsMessagesAndLeavesInOrder() throws Exception {
        try (LoopThread room = new LoopThread(EventLoop.newEventLoop(), "chat-server");
             LoopThread carolsLoop = new LoopThread(EventLoop.newEventLoop(), "chat-client")) {
            Server server = room.call(ChatServer.start("127.0.0.1", 0));
            int port = server.port();
            try (LineClient alice = new LineClient(port); LineClient bob = new LineClient(port);
                 LineClient dave = new LineClient(port)) {
                alice.send("alice");
                assertEquals("* welcome alice, nobody else is here", alice.read());
                bob.send("bob");
                assertEquals("* welcome bob, here: alice", bob.read());
                assertEquals("* bob joined", alice.read());

                // carol is a ChatClient: her input is a queue on her loop, what she sees another queue
                BlockingQueue<String> carolSees = new LinkedBlockingQueue<>();
                Queue<String>[] carolTypes = newQueue(carolsLoop);
                CompletableFuture<Void> carol = dev.weft.Weft.runCoroutineThreadsafe(ChatClient.chat("127.0.0.1",
                        port, "carol", () -> carolTypes[0].get(), carolSees::add), carolsLoop.loop);
                assertEquals("* welcome carol, here: alice, bob", next(carolSees));
                assertEquals("* carol joined", alice.read());
                assertEquals("* carol joined", bob.read());

                alice.send("hi all");
                assertEquals("alice: hi all", bob.read());
                assertEquals("alice: hi all", next(carolSees));
                carolsLoop.onLoop(() -> carolTypes[0].putNowait("hello from carol"));
                assertEquals("carol: hello from carol", alice.read());
                assertEquals("carol: hello from carol", bob.read());

                dave.send("bob");
                assertEquals("* nickname bob is taken", dave.read());
                assertNull(dave.read(), "the server closes a connection whose nickname is taken");

                bob.send("/quit");
                assertEquals("* bye bob", bob.read());
                assertNull(bob.read());
                assertEquals("* bob left", alice.read());
                assertEquals("* bob left", next(carolSees));

                alice.close();   // without /quit
                assertEquals("* alice left", next(carolSees));

                carolsLoop.onLoop(() -> carolTypes[0].putNowait("/quit"));
                assertEquals("* bye carol", next(carolSees));
                carol.get(10, TimeUnit.SECONDS);   // the chat ended when the server closed the connection

                assertEquals(List.of("* welcome alice, nobody else is here", "* bob joined", "* carol joined",
                        "carol: hello from carol", "* bob left"), alice.seen);
                assertEquals(List.of("* welcome bob, here: alice", "* carol joined", "alice: hi all",
                        "carol: hello from carol", "* bye bob", "<closed>"), bob.seen);
                assertEquals(List.of("* nickname bob is taken", "<closed>"), dave.seen);
                assertEquals(0, carolSees.size(), "carol saw more: " + carolSees);
            }
            room.onLoop(server::close);
        }
    }

    @SuppressWarnings("unchecked")
    private static Queue<String>[] newQueue(LoopThread on) throws Exception {
        Queue<String>[] q = new Queue[1];
        on.onLoop(() -> q[0] = new Queue<>());
        return q;
    }

    @Test
    void metricsCollectorReportsCountSumMinMaxAndAverageOfEachSecond() throws Exception {
        AtomicLong clock = new AtomicLong();
        BlockingQueue<String> printed = new LinkedBlockingQueue<>();
        try (LoopThread collecting = new LoopThread(EventLoop.newEventLoop(clock::get), "collector")) {
            DatagramEndpoint endpoint = collecting.call(dev.weft.Weft.openDatagramEndpoint("127.0.0.1", 0));
            int port = endpoint.localAddress().getPort();
            // Sent before the collector starts: the endpoint keeps them, and the collector takes them all at once, as
            // it starts, before its reporting task has started. Its seconds still count from its own start.
            dev.weft.Weft.run(MetricsSender.send("127.0.0.1", port, List.of("cpu:1", "cpu:3", "memory:512",
                    "cpu:2", "memory:510.5\ndisk:7", "oops")));
            CompletableFuture<Void> collector = dev.weft.Weft.runCoroutineThreadsafe(
                    MetricsCollector.collect(endpoint, printed::add), collecting.loop);
            // The collector handles datagrams in order: once it reports the last one, it has counted the others.
            assertEquals("bad datagram from 127.0.0.1:PORT: oops", withoutPort(next(printed)));
            endOfSecond(collecting, clock);
            assertEquals("second 1: cpu count=3 sum=6.00 min=1.00 max=3.00 avg=2.00", next(printed));
            assertEquals("second 1: disk count=1 sum=7.00 min=7.00 max=7.00 avg=7.00", next(printed));
            assertEquals("second 1: memory count=2 sum=1022.50 min=510.50 max=512.00 avg=511.25", next(printed));

            endOfSecond(collecting, clock);   // nothing came: nothing printed
            dev.weft.Weft.run(MetricsSender.send("127.0.0.1", port, List.of("cpu:10", "mark")));
            assertEquals("bad datagram from 127.0.0.1:PORT: mark", withoutPort(next(printed)));
            endOfSecond(collecting, clock);
            assertEquals("second 3: cpu count=1 sum=10.00 min=10.00 max=10.00 avg=10.00", next(printed));
            assertNull(printed.poll(), "printed more: " + printed);

            collector.cancel(true);
        }
    }

    private static String withoutPort(String line) {
        return line.replaceFirst("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
    }

    /**
     * Moves the collector's clock to the end of the next second and lets its loop run: the loop first takes in the
     * datagrams already sent (they are in the socket's queue once send returns), then fires the report's timer.
     */
    private static void endOfSecond(LoopThread loop, AtomicLong clock) throws Exception {
        clock.addAndGet(1_000_000_000L);
        loop.onLoop(() -> { });
        loop.onLoop(() -> { });   // the timer's callback ran in the iteration after the first wake-up, or this one
    }

}
