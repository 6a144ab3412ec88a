package dev.weft.bench.sleepers;

/** Weft tasks in sleep, on one loop. */
public class MillionSleepersWeft extends MillionSleepers {
    @Override
    protected SleepingTasks sleepers() {
        return new WeftSleepers();
    }
}
