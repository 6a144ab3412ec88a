package dev.weft.bench.sleepers;

/** Coroutines in delay, in one runBlocking. */
public class MillionSleepersKotlin extends MillionSleepers {
    @Override
    protected SleepingTasks sleepers() {
        return new dev.weft.bench.kotlin.KotlinSleepers();
    }
}
