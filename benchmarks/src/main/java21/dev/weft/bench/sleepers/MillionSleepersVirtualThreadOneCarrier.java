package dev.weft.bench.sleepers;

import dev.weft.bench.VirtualThreads;
import org.openjdk.jmh.annotations.Fork;

/** {@link MillionSleepersVirtualThread} with a single carrier thread. */
@Fork(value = 1, jvmArgsAppend = {VirtualThreads.ONE_CARRIER_PARALLELISM, VirtualThreads.ONE_CARRIER_MAX_POOL})
public class MillionSleepersVirtualThreadOneCarrier extends MillionSleepersVirtualThread {
}
