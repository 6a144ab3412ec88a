package dev.weft;

import dev.weft.internal.DoneTask;
import dev.weft.internal.Loop;
import dev.weft.internal.LoopFuture;
import dev.weft.internal.WaiterQueue;

/**
 * asyncio's {@code Barrier}: {@code parties} tasks wait for each other, then all go on together. {@link #waitAll()} is
 * asyncio's {@code wait()}, renamed because {@code wait()} is a method of {@link Object}. The barrier can be used
 * again after each round. A task cancelled while waiting leaves the round. Loop thread only.
 */
public final class Barrier {
    private final int parties;
    private final WaiterQueue<LoopFuture<Integer>> waiting = new WaiterQueue<>();
    private boolean broken;

    /** @throws IllegalArgumentException if {@code parties} is less than 1 */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("a Barrier needs at least one party: " + parties);
        }
        this.parties = parties;
    }

    /**
     * Arrives at the barrier: returns a task done, once all parties have arrived, with this task's arrival index in
     * the round (0 for the first), or failing with {@link BarrierBrokenException} if the barrier is broken.
     */
    public Task<Integer> waitAll() {
        if (broken) {
            return DoneTask.failed(new BarrierBrokenException("the barrier is broken"));
        }
        int index = waiting.size();
        if (index + 1 == parties) {
            WaiterQueue<LoopFuture<Integer>> round = waiting.takeAll();
            LoopFuture<Integer> w;
            for (int i = 0; (w = round.poll()) != null; i++) {
                w.complete(i);
            }
            return new DoneTask<>(index);
        }
        LoopFuture<Integer> w = LoopFuture.on(Loop.running(), "Barrier.waitAll");
        waiting.add(w);
        return w;
    }

    /** Breaks the barrier: waiting tasks and later arrivals fail with {@link BarrierBrokenException}. */
    public void abort() {
        broken = true;
        breakWaiting("the barrier was aborted");
    }

    /** Returns the barrier to its empty state; tasks waiting at it fail with {@link BarrierBrokenException}. */
    public void reset() {
        breakWaiting("the barrier was reset");
        broken = false;
    }

    private void breakWaiting(String why) {
        WaiterQueue<LoopFuture<Integer>> round = waiting.takeAll();
        LoopFuture<Integer> w;
        while ((w = round.poll()) != null) {
            w.fail(new BarrierBrokenException(why));
        }
    }

    public int parties() {
        return parties;
    }

    /** @return how many tasks wait at the barrier now */
    public int waiting() {
        return waiting.size();
    }

    public boolean isBroken() {
        return broken;
    }
}
