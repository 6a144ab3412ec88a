package dev.weft;

/**
 * An open TCP connection: the (reader, writer) pair asyncio's {@code open_connection} returns.
 *
 * @param reader the receiving half
 * @param writer the sending half; {@link StreamWriter#close()} closes the connection
 */
public record Connection(StreamReader reader, StreamWriter writer) {
}
