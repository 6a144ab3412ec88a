package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.IncompleteReadException;
import dev.weft.LimitOverrunException;
import dev.weft.ReturnWhen;
import dev.weft.StreamReader;
import dev.weft.Task;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CPython's {@code StreamTests}, the cases of {@code readuntil}, {@code readexactly} and of a failure set on the
 * stream, over loopback as in {@link StreamsReadTests}: the reader is fed by a hand-driven far end
 * ({@link StreamsPeer}), and a failure is a reset of the connection.
 */
class StreamsReadUntilTests extends StreamsTestCase {

    @Test
    void test_readuntil_separator() {
        runReal(readuntilSeparator());
    }

    /** An empty separator is refused (Weft refuses it at the call, asyncio when the coroutine runs). */
    @Async
    Task<Void> readuntilSeparator() {
        StreamsPeer s = await(peer());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.reader().readUntil(new byte[0]));
        assertTrue(e.getMessage().contains("separator"), e.getMessage());
        await(s.close());
        return done();
    }

    @Test
    void test_readuntil_multi_chunks() {
        runReal(readuntilMultiChunks());
    }

    @Async
    Task<Void> readuntilMultiChunks() {
        StreamsPeer s = await(peer());
        StreamReader stream = s.reader();
        s.feed("lineAAA");
        await(settle());
        assertEquals("lineAAA", text(await(stream.readUntil(ascii("AAA")))));
        s.feed("lineAAA");
        await(settle());
        assertEquals("lineAAA", text(await(stream.readUntil(ascii("AAA")))), "nothing was left before");
        s.feed("lineAAAxxx");
        await(settle());
        assertEquals("lineAAA", text(await(stream.readUntil(ascii("AAA")))));
        assertEquals("xxx", await(s.rest()));
        await(s.close());
        return done();
    }

    @Test
    void test_readuntil_multi_chunks_1() {
        runReal(readuntilMultiChunks1());
    }

    /** Separators split across the pieces the reader received (each piece arrives on its own). */
    @Async
    Task<Void> readuntilMultiChunks1() {
        StreamsPeer s = await(peer());
        StreamReader stream = s.reader();
        await(feedApart(s, "QWEaa", "XYaa", "a"));
        assertEquals("QWEaaXYaaa", text(await(stream.readUntil(ascii("aaa")))));
        await(feedApart(s, "QWEaa", "XYa", "aa"));
        assertEquals("QWEaaXYaaa", text(await(stream.readUntil(ascii("aaa")))));
        await(feedApart(s, "aaa"));
        assertEquals("aaa", text(await(stream.readUntil(ascii("aaa")))));
        await(feedApart(s, "Xaaa"));
        assertEquals("Xaaa", text(await(stream.readUntil(ascii("aaa")))));
        await(feedApart(s, "XXX", "a", "a", "a"));
        assertEquals("XXXaaa", text(await(stream.readUntil(ascii("aaa")))));
        assertEquals("", await(s.rest()));
        await(s.close());
        return done();
    }

    /** Feeds each piece and lets the reader take it in before the next. */
    @Async
    Task<Void> feedApart(StreamsPeer s, String... pieces) {
        for (String piece : pieces) {
            s.feed(piece);
            await(settle());
        }
        return done();
    }

    @Test
    void test_readuntil_eof() {
        runReal(readuntilEof());
    }

    /** The stream ends before the separator: everything buffered travels in the exception; -1 is asyncio's None. */
    @Async
    Task<Void> readuntilEof() {
        StreamsPeer s = await(peer());
        s.feed("some dataAA");
        s.feedEof();
        await(settle());
        IncompleteReadException e = await(failureOf(IncompleteReadException.class,
                s.reader().readUntil(ascii("AAA"))));
        assertTrue(e.getMessage().contains("11 bytes, before a separator"), e.getMessage());
        assertEquals("some dataAA", text(e.partial()));
        assertEquals(-1, e.expected());
        assertEquals("", await(s.rest()));
        await(s.close());
        return done();
    }

    @Test
    void test_readuntil_limit_found_sep() {
        runReal(readuntilLimitFoundSep());
    }

    /**
     * Past the limit, readUntil fails and leaves the bytes buffered, whether the separator is missing or found too
     * far. The limit is 6 here, not CPython's 3: a socket reader with limit 3 stops reading with 11 bytes buffered
     * (asyncio's flow control does the same), so the byte fed next would never reach it.
     */
    @Async
    Task<Void> readuntilLimitFoundSep() {
        StreamsPeer s = await(peer(6));
        s.feed("some dataAA");
        await(settle());
        LimitOverrunException notFound = await(failureOf(LimitOverrunException.class,
                s.reader().readUntil(ascii("AAA"))));
        assertTrue(notFound.getMessage().contains("not found"), notFound.getMessage());
        s.feed("A");
        await(settle());
        LimitOverrunException found = await(failureOf(LimitOverrunException.class,
                s.reader().readUntil(ascii("AAA"))));
        assertTrue(found.getMessage().contains("is found"), found.getMessage());
        assertEquals("some dataAAA", await(s.rest()), "both failures left the bytes buffered");
        await(s.close());
        return done();
    }

    @Test
    void test_readexactly_zero_or_less() {
        runReal(readexactlyZeroOrLess());
    }

    @Async
    Task<Void> readexactlyZeroOrLess() {
        StreamsPeer s = await(peer());
        s.feed(DATA);
        await(settle());
        assertEquals("", text(await(s.reader().readExactly(0))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.reader().readExactly(-1));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
        assertEquals(DATA, await(s.rest()));
        await(s.close());
        return done();
    }

    @Test
    void test_readexactly() {
        runReal(readexactly());
    }

    @Async
    Task<Void> readexactly() {
        StreamsPeer s = await(peer());
        int n = 2 * DATA.length();
        Task<byte[]> reading = createTask(s.reader().readExactly(n));
        await(sleep(0));
        s.feed(DATA);
        s.feed(DATA);
        s.feed(DATA);
        assertEquals(DATA + DATA, text(await(reading)));
        assertEquals(DATA, await(s.rest()));
        await(s.close());
        return done();
    }

    @Test
    void test_readexactly_limit() {
        runReal(readexactlyLimit());
    }

    @Async
    Task<Void> readexactlyLimit() {
        StreamsPeer s = await(peer(3));
        s.feed("chunk");
        await(settle());
        assertEquals("chunk", text(await(s.reader().readExactly(5))));
        assertEquals("", await(s.rest()));
        await(s.close());
        return done();
    }

    @Test
    void test_readexactly_eof() {
        runReal(readexactlyEof());
    }

    @Async
    Task<Void> readexactlyEof() {
        StreamsPeer s = await(peer());
        int n = 2 * DATA.length();
        Task<byte[]> reading = createTask(s.reader().readExactly(n));
        await(sleep(0));
        s.feed(DATA);
        s.feedEof();
        IncompleteReadException e = await(failureOf(IncompleteReadException.class, reading));
        assertEquals(DATA, text(e.partial()));
        assertEquals(n, e.expected());
        assertTrue(e.getMessage().contains("ended after 18 bytes, before 36 bytes"), e.getMessage());
        assertEquals("", await(s.rest()));
        await(s.close());
        return done();
    }

    @Test
    @Disabled("difference, documented in networking.md: after the connection failed, readExactly(2) returns the buffered bytes instead of raising")
    void test_readexactly_exception() {
        runReal(readexactlyException());
    }

    /** Once the stream has failed, readExactly raises the failure even with enough bytes still buffered. */
    @Async
    Task<Void> readexactlyException() {
        StreamsPeer s = await(peer());
        s.feed("line\n");
        await(settle());
        assertEquals("li", text(await(s.reader().readExactly(2))));
        s.reset();
        await(untilClosing(s.writer()));
        await(failureOf(UncheckedIOException.class, s.reader().readExactly(2)));
        await(s.close());
        return done();
    }

    @Test
    void test_exception_waiter() {
        runReal(exceptionWaiter());
    }

    /** The failure reaches a readLine that waits. */
    @Async
    Task<Void> exceptionWaiter() {
        StreamsPeer s = await(peer());
        Task<byte[]> t1 = createTask(s.reader().readLine());
        Task<Void> t2 = createTask(resets(s));
        await(waitTasks(List.<Task<?>>of(t1, t2), ReturnWhen.ALL_COMPLETED));
        assertTrue(t1.exception() instanceof UncheckedIOException, "t1 failed with " + t1.exception());
        await(s.close());
        return done();
    }

    @Async
    Task<Void> resets(StreamsPeer s) {
        s.reset();
        return done();
    }

    @Test
    void test_exception_cancel() {
        runReal(exceptionCancel());
        assertEquals(List.of(), messages);
    }

    /** A failure that comes after the waiting read was cancelled is kept for the next read and reported nowhere. */
    @Async
    Task<Void> exceptionCancel() {
        collectMessages();
        StreamsPeer s = await(peer());
        Task<byte[]> t = createTask(s.reader().readLine());
        await(sleep(0));
        t.cancel();
        await(sleep(0));
        assertTrue(t.isCancelled());
        assertThrows(CancellationException.class, t::result);
        s.reset();
        await(untilClosing(s.writer()));
        await(sleep(0));
        await(failureOf(UncheckedIOException.class, s.reader().readLine()));
        await(s.close());
        return done();
    }
}
