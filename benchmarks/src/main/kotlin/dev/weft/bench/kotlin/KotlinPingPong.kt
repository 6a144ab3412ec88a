package dev.weft.bench.kotlin

import dev.weft.bench.Workload
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking

/** The hand-off peer: two coroutines on runBlocking's single thread over rendezvous channels. */
object KotlinPingPong {
    @JvmStatic
    fun overRendezvousChannels(rounds: Int): Long = runBlocking {
        val toPong = Channel<Int>(Channel.RENDEZVOUS)
        val toPing = Channel<Int>(Channel.RENDEZVOUS)
        launch {
            repeat(rounds) { toPing.send(toPong.receive() + 1) }
        }
        var sum = 0L
        for (i in 0 until rounds) {
            toPong.send(Workload.small(i))
            sum += toPing.receive()
        }
        sum
    }
}
