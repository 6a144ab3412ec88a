package dev.weft.samples;

import java.nio.charset.StandardCharsets;

/** Lines of UTF-8 text on a byte stream, as the chat samples exchange them. */
final class TextLines {
    private TextLines() {
    }

    /** {@code line} and its {@code '\n'}, as bytes. */
    static byte[] encode(String line) {
        return (line + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A line read by {@code readLine()}, without its line end; null for the empty array of the end of stream. */
    static String decode(byte[] line) {
        if (line.length == 0) {
            return null;
        }
        String s = new String(line, StandardCharsets.UTF_8);
        return s.endsWith("\r\n") ? s.substring(0, s.length() - 2)
                : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
