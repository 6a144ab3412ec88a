package dev.weft.internal.io;

import dev.weft.Connection;
import dev.weft.EventLoop;
import dev.weft.Server;
import dev.weft.Weft;
import dev.weft.internal.Loop;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop's selector is made only when a channel is registered, and closed, with its channels, with the loop. */
class LoopSelectorTest {

    private static long openFds() {
        String[] fds = new File("/proc/self/fd").list();
        org.junit.jupiter.api.Assumptions.assumeTrue(fds != null, "needs /proc/self/fd to count file descriptors");
        return fds.length;
    }

    private static Object selectorOf(EventLoop loop) throws ReflectiveOperationException {
        java.lang.reflect.Field scheduler = EventLoop.class.getDeclaredField("loop");
        scheduler.setAccessible(true);
        java.lang.reflect.Field f = Loop.class.getDeclaredField("selector");
        f.setAccessible(true);
        return f.get(scheduler.get(loop));
    }

    @Test
    void aLoopWithoutSocketsMakesNoSelector() throws Exception {
        EventLoop loop = EventLoop.newEventLoop();
        loop.runUntilComplete(Weft.sleep(1));
        loop.callLater(Duration.ofMillis(1), loop::stop);
        loop.runForever();
        assertNull(selectorOf(loop));
        loop.close();
    }

    @Test
    void closingTheLoopClosesItsSelectorAndTheChannelsStillOpen() throws Exception {
        EventLoop warmUp = EventLoop.newEventLoop();
        warmUp.runUntilComplete(Weft.startServer((r, w) -> Weft.done(), "127.0.0.1", 0)).close();
        warmUp.close();
        long before = openFds();
        EventLoop loop = EventLoop.newEventLoop();
        Server server = loop.runUntilComplete(Weft.startServer((r, w) -> Weft.done(), "127.0.0.1", 0));
        Connection client = loop.runUntilComplete(Weft.openConnection("127.0.0.1", server.port()));
        loop.runUntilComplete(Weft.sleep(20));   // the server accepts: a third socket
        assertEquals(1, server.connectionCount());
        assertTrue(openFds() >= before + 4, "a selector, a listener and two connection ends are open");
        assertFalse(client.writer().isClosing());
        loop.close();
        assertEquals(before, openFds(), "the loop's close closed them all");
    }

    @Test
    void anotherThreadWakesALoopBlockedInSelect() throws Exception {
        EventLoop loop = EventLoop.newEventLoop();
        Server server = loop.runUntilComplete(Weft.startServer((r, w) -> Weft.done(), "127.0.0.1", 0));
        Thread waker = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            loop.callSoonThreadsafe(loop::stop);
        });
        waker.start();
        long start = System.nanoTime();
        loop.runForever();   // no timer: blocks in select until the other thread's callback
        long took = System.nanoTime() - start;
        waker.join();
        assertTrue(took < 10_000_000_000L, "woken after " + took + " ns");
        server.close();
        loop.close();
    }
}
