package dev.weft.bench.handoff;

import dev.weft.bench.VirtualThreads;
import org.openjdk.jmh.annotations.Fork;

/** {@link HandOffVirtualThread} with a single carrier thread. */
@Fork(value = 1, jvmArgsAppend = {VirtualThreads.ONE_CARRIER_PARALLELISM, VirtualThreads.ONE_CARRIER_MAX_POOL})
public class HandOffVirtualThreadOneCarrier extends HandOffVirtualThread {
}
