package dev.weft;

import java.net.InetSocketAddress;

/**
 * One UDP datagram received by a {@link DatagramEndpoint}.
 *
 * @param data   the payload (the array belongs to the receiver)
 * @param sender the address it came from
 */
public record Datagram(byte[] data, InetSocketAddress sender) {
}
