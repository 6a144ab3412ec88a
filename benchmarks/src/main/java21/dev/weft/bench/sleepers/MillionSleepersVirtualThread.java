package dev.weft.bench.sleepers;

/** Virtual threads in Thread.sleep, on the default scheduler. */
public class MillionSleepersVirtualThread extends MillionSleepers {
    @Override
    protected SleepingTasks sleepers() {
        return new VirtualThreadSleepers();
    }
}
