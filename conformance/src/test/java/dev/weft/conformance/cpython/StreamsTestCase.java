package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.ExceptionContext;
import dev.weft.StreamReader;
import dev.weft.StreamWriter;
import dev.weft.Task;

import org.junit.jupiter.api.AfterEach;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.weft.Weft.await;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the ports of CPython's {@code test_streams.py} share: bytes from text and back, CPython's {@code DATA}, the
 * list that stands for CPython's {@code messages} (what reaches the loop's exception handler), and short waits that
 * let bytes already written on loopback reach the reader under test.
 */
abstract class StreamsTestCase extends AsyncioTestCase {
    /** CPython's {@code StreamTests.DATA}. */
    static final String DATA = "line1\nline2\nline3\n";

    /** What reached the loop's exception handler: CPython's {@code messages}, asserted empty. */
    protected final List<ExceptionContext> messages = new ArrayList<>();

    private final List<StreamsPeer> peers = new ArrayList<>();

    /** A connection with a hand-driven far end (see {@link StreamsPeer}), closed after the test whatever happens. */
    @Async
    protected Task<StreamsPeer> peer(int limit) {
        StreamsPeer peer = await(StreamsPeer.open(limit));
        peers.add(peer);
        return done(peer);
    }

    /** {@link #peer(int)} with the default limit. */
    @Async
    protected Task<StreamsPeer> peer() {
        return done(await(peer(StreamReader.DEFAULT_LIMIT)));
    }

    @AfterEach
    void closePeers() {
        peers.forEach(StreamsPeer::closeQuietly);
    }

    /** Sends whatever reaches the running loop's exception handler to {@link #messages}. */
    protected void collectMessages() {
        EventLoop.current().setExceptionHandler((loop, context) -> messages.add(context));
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    /**
     * Lets the loop pick up what a peer has just written on loopback: a short real sleep (the loop's selector wakes
     * for the socket meanwhile) and a turn. Used where CPython feeds a reader before it reads.
     */
    @Async
    protected Task<Void> settle() {
        await(sleep(50));
        await(sleep(0));
        return done();
    }

    /** Awaits {@code task} and returns what it threw, which must be a {@code type}; fails if it gave a value. */
    @Async
    protected static <E extends Throwable> Task<E> failureOf(Class<E> type, Task<?> task) {
        Object value;
        try {
            value = await(task);
        } catch (Throwable e) {
            if (type.isInstance(e)) {
                return done(type.cast(e));
            }
            throw new AssertionError("expected " + type.getName() + ", got " + e, e);
        }
        String shown = value instanceof byte[] ? "bytes '" + text((byte[]) value) + "'" : String.valueOf(value);
        throw new AssertionError("expected " + type.getName() + ", got " + shown);
    }

    /** Waits, a bounded number of turns, until the connection behind {@code writer} is known to be lost or closed. */
    @Async
    protected Task<Void> untilClosing(StreamWriter writer) {
        for (int i = 0; i < 500 && !writer.isClosing(); i++) {
            await(sleep(10));
        }
        assertTrue(writer.isClosing(), "the connection was not seen to fail or close within 5 s");
        return done();
    }
}
