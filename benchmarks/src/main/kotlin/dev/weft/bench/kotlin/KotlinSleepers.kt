package dev.weft.bench.kotlin

import dev.weft.bench.sleepers.SleepingTasks
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield

/** Coroutines suspended in delay, all children of one runBlocking (one thread). */
class KotlinSleepers : SleepingTasks {
    override fun sleepAll(tasks: Int, sleepMillis: Long, latenessNanos: LongArray, whenAllAsleep: Runnable?): Long {
        var woken = 0L
        runBlocking {
            for (id in 0 until tasks) {
                launch {
                    val deadline = System.nanoTime() + sleepMillis * 1_000_000
                    delay(sleepMillis)
                    latenessNanos[id] = System.nanoTime() - deadline
                    woken++
                }
            }
            if (whenAllAsleep != null) {
                yield() // the launched coroutines run, in order, up to their delay before this one resumes
                whenAllAsleep.run()
            }
        }
        return woken
    }
}
