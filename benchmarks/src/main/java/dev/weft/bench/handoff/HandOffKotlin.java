package dev.weft.bench.handoff;

import dev.weft.bench.Defaults;
import dev.weft.bench.kotlin.KotlinPingPong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Two coroutines in runBlocking (one thread) over rendezvous channels. */
@State(Scope.Thread)
public class HandOffKotlin extends Defaults {
    @Benchmark
    @OperationsPerInvocation(HandOff.MESSAGES)
    public long rendezvousChannels() {
        return KotlinPingPong.overRendezvousChannels(HandOff.ROUNDS);
    }
}
