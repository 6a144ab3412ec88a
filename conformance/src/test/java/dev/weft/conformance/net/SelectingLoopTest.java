package dev.weft.conformance.net;

import dev.weft.Async;
import dev.weft.Connection;
import dev.weft.EventLoop;
import dev.weft.Server;
import dev.weft.StreamReader;
import dev.weft.StreamWriter;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;

import static dev.weft.Weft.*;
import static dev.weft.conformance.net.Bytes.ascii;
import static dev.weft.conformance.net.Bytes.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A loop with sockets waits in select: woken by other threads at once, by timers on time, and in virtual time. */
class SelectingLoopTest {
    private static final int HANDOFFS = 1_000;

    @Async
    static Task<Void> idle(StreamReader reader, StreamWriter writer) {
        await(reader.read(-1));
        writer.close();
        return done();
    }

    /**
     * With a server open and no timer, the loop blocks in select; each future another thread completes must wake it.
     * A lost wake-up would leave the loop waiting forever (and the test's timeout would fail it).
     */
    @Async
    Task<Integer> wakeUps(SynchronousQueue<CompletableFuture<Integer>> handoff) {
        Server server = await(startServer(SelectingLoopTest::idle, "127.0.0.1", 0));
        int sum = 0;
        for (int i = 0; i < HANDOFFS; i++) {
            CompletableFuture<Integer> next = new CompletableFuture<>();
            while (!handoff.offer(next)) {
                await(sleep(0));   // the other thread is not taking yet
            }
            sum += await(next);   // the loop waits in select until the other thread completes it
        }
        server.close();
        return done(sum);
    }

    @Test
    void otherThreadsWakeALoopWaitingInSelectEveryTime() throws Exception {
        SynchronousQueue<CompletableFuture<Integer>> handoff = new SynchronousQueue<>();
        Thread completer = new Thread(() -> {
            try {
                for (int i = 0; i < HANDOFFS; i++) {
                    handoff.take().complete(1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "completer");
        completer.start();
        assertEquals(HANDOFFS, run(wakeUps(handoff)));
        completer.join();
    }

    @Async
    Task<Long> sleepsWithASocketOpen() {
        Server server = await(startServer(SelectingLoopTest::idle, "127.0.0.1", 0));
        long start = System.nanoTime();
        await(sleep(100));
        long took = System.nanoTime() - start;
        server.close();
        return done(took);
    }

    @Test
    void timersFireOnTimeWhileTheLoopWaitsInSelect() {
        long took = run(sleepsWithASocketOpen());
        assertTrue(took >= 100_000_000L, "woke early: " + took + " ns");
        assertTrue(took < 5_000_000_000L, "woke late: " + took + " ns");
    }

    /** Echoes each line. */
    @Async
    static Task<Void> echoLines(StreamReader reader, StreamWriter writer) {
        while (true) {
            byte[] line = await(reader.readLine());
            if (line.length == 0) {
                break;
            }
            writer.write(line);
        }
        writer.close();
        return done();
    }

    @Async
    Task<String> hourLongConversation() {
        Server server = await(startServer(SelectingLoopTest::echoLines, "127.0.0.1", 0));
        Connection c = await(openConnection("127.0.0.1", server.port()));
        StringBuilder heard = new StringBuilder();
        for (int minute = 0; minute < 60; minute++) {
            await(sleep(60_000));
            c.writer().write(ascii(minute + "\n"));
            heard.append(text(await(c.reader().readLine())).trim()).append(minute < 59 ? "," : "");
        }
        c.writer().close();
        server.close();
        await(server.waitClosed());
        return done(heard.toString());
    }

    @Test
    void aVirtualTimeLoopSkipsItsTimersButWaitsForItsSockets() {
        EventLoop[] loop = new EventLoop[1];
        long start = System.nanoTime();
        String heard = run(hourLongConversation(), () -> loop[0] = EventLoop.newVirtualTimeLoop());
        long took = System.nanoTime() - start;
        assertTrue(heard.startsWith("0,1,2,") && heard.endsWith(",58,59"), heard);
        assertEquals(3600.0, loop[0].time(), 1e-9, "an hour of virtual time, no more");
        assertTrue(took < 20_000_000_000L, "an hour of timers took " + took + " ns of real time");
    }
}
