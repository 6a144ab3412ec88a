package dev.weft.bench.echo;

import dev.weft.bench.VirtualThreads;
import org.openjdk.jmh.annotations.Fork;

/** {@link EchoVirtualThread} with a single carrier thread, as a Weft loop has one thread. */
@Fork(value = 1, jvmArgsAppend = {VirtualThreads.ONE_CARRIER_PARALLELISM, VirtualThreads.ONE_CARRIER_MAX_POOL})
public class EchoVirtualThreadOneCarrier extends EchoVirtualThread {
}
