package dev.weft.bench.kotlin

import dev.weft.bench.Workload
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Deferred
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield

/** The task peers, each inside one runBlocking (one thread), as Weft's run inside one loop. */
object KotlinTasks {
    /** Create, run and complete a trivial coroutine: async, then await. */
    @JvmStatic
    fun asyncAwaitEach(n: Int): Long = runBlocking {
        var sum = 0L
        for (i in 0 until n) {
            sum += async { Workload.small(i) }.await()
        }
        sum
    }

    /** Create, run and complete a trivial coroutine: launch, then join. */
    @JvmStatic
    fun launchJoinEach(n: Int): Long = runBlocking {
        var sum = 0L
        for (i in 0 until n) {
            launch { sum += Workload.small(i) }.join()
        }
        sum
    }

    /** Fan-out/fan-in: n coroutines that each yield once, awaited together. */
    @JvmStatic
    fun awaitAllYielding(n: Int): Long = runBlocking {
        val all = (0 until n).map { i ->
            async {
                yield()
                Workload.small(i)
            }
        }
        all.awaitAll().sumOf { it.toLong() }
    }

    /** Deferreds completed with 0..size-1, awaited by [awaitEach]. */
    @JvmStatic
    fun completedDeferreds(size: Int): Array<Deferred<Int>> = Array(size) { CompletableDeferred(it) }

    /** Await on a deferred that is already complete, n times. */
    @JvmStatic
    fun awaitEach(completed: Array<Deferred<Int>>, n: Int): Long = runBlocking {
        var sum = 0L
        for (i in 0 until n) {
            sum += completed[Workload.small(i)].await()
        }
        sum
    }
}
