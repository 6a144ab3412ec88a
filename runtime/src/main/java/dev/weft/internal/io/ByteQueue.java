package dev.weft.internal.io;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes a stream reader holds: appended at the back as the socket brings them, taken from the front, and put back
 * at the front when a cancelled read gives them back. One array with a head and a tail; it compacts before it grows
 * and lets a large array go once emptied, so an idle connection holds little.
 */
final class ByteQueue {
    private static final byte[] NONE = {};
    /** Arrays up to this size are kept when the queue empties. */
    private static final int KEEP = 8 * 1024;

    private byte[] bytes = NONE;
    private int head;
    private int tail;

    int size() {
        return tail - head;
    }

    void append(ByteBuffer src) {
        int n = src.remaining();
        room(n);
        src.get(bytes, tail, n);
        tail += n;
    }

    /** Puts {@code data} back in front of what is queued. */
    void prepend(byte[] data) {
        int n = data.length;
        if (n <= head) {
            head -= n;
        } else {
            byte[] grown = new byte[Math.max(n + size(), 2 * bytes.length)];
            System.arraycopy(bytes, head, grown, n, size());
            tail = n + size();
            head = 0;
            bytes = grown;
        }
        System.arraycopy(data, 0, bytes, head, n);
    }

    /** Takes the first {@code n} bytes, {@code n <= size()}. */
    byte[] take(int n) {
        byte[] out = Arrays.copyOfRange(bytes, head, head + n);
        head += n;
        if (head == tail) {
            head = 0;
            tail = 0;
            if (bytes.length > KEEP) {
                bytes = NONE;
            }
        }
        return out;
    }

    /** Drops the first {@code n} bytes. */
    void drop(int n) {
        take(n);
    }

    /** @return where {@code separator} starts, counted from the front, searching from {@code from}; or -1 */
    int indexOf(byte[] separator, int from) {
        int last = tail - separator.length;
        byte first = separator[0];
        for (int i = head + Math.max(0, from); i <= last; i++) {
            if (bytes[i] != first) {
                continue;
            }
            int j = 1;
            while (j < separator.length && bytes[i + j] == separator[j]) {
                j++;
            }
            if (j == separator.length) {
                return i - head;
            }
        }
        return -1;
    }

    /** @return true if {@code separator} is at {@code offset} from the front */
    boolean startsWith(byte[] separator, int offset) {
        return offset + separator.length <= size() && indexOf(separator, offset) == offset;
    }

    private void room(int n) {
        if (tail + n <= bytes.length) {
            return;
        }
        int size = size();
        if (size + n <= bytes.length) {
            System.arraycopy(bytes, head, bytes, 0, size);
        } else {
            byte[] grown = new byte[Math.max(Math.max(size + n, 2 * bytes.length), 1024)];
            System.arraycopy(bytes, head, grown, 0, size);
            bytes = grown;
        }
        head = 0;
        tail = size;
    }
}
