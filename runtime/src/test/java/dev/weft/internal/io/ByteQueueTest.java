package dev.weft.internal.io;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteQueueTest {

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    @Test
    void bytesComeOutInTheOrderTheyWentIn() {
        ByteQueue q = new ByteQueue();
        q.append(bytes("hello "));
        q.append(bytes("world"));
        assertEquals(11, q.size());
        assertEquals("hel", text(q.take(3)));
        assertEquals("lo world", text(q.take(8)));
        assertEquals(0, q.size());
    }

    @Test
    void bytesPutBackComeOutFirst() {
        ByteQueue q = new ByteQueue();
        q.append(bytes("abcdef"));
        byte[] taken = q.take(4);
        q.prepend(taken);   // fits before the head
        assertEquals("abcdef", text(q.take(6)));
        q.append(bytes("xy"));
        q.prepend("0123456789".getBytes(StandardCharsets.US_ASCII));   // does not fit: the array grows
        assertEquals("0123456789xy", text(q.take(12)));
    }

    @Test
    void separatorsAreFoundFromAnOffset() {
        ByteQueue q = new ByteQueue();
        q.append(bytes("xxa|b||c"));
        q.take(2);
        byte[] bar = {'|'};
        byte[] two = {'|', '|'};
        assertEquals(1, q.indexOf(bar, 0));
        assertEquals(3, q.indexOf(bar, 2));
        assertEquals(3, q.indexOf(two, 0));
        assertEquals(-1, q.indexOf(two, 4));
        assertTrue(q.startsWith(two, 3));
        assertFalse(q.startsWith(two, 4));
    }

    @Test
    void appendingCompactsBeforeGrowingAndKeepsEveryByte() {
        ByteQueue q = new ByteQueue();
        StringBuilder expected = new StringBuilder();
        StringBuilder got = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            String part = Integer.toString(i, 36) + ";";
            q.append(bytes(part));
            expected.append(part);
            if (i % 3 == 0) {
                got.append(text(q.take(q.size() / 2)));
            }
        }
        got.append(text(q.take(q.size())));
        assertEquals(expected.toString(), got.toString());
    }
}
