package dev.weft.conformance.net;

import java.nio.charset.StandardCharsets;

/** Text to bytes and back, for tests of byte streams. */
final class Bytes {
    private Bytes() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
