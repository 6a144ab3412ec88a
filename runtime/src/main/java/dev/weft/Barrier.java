package dev.weft;

import dev.weft.internal.DoneTask;
import dev.weft.internal.Waiter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * asyncio's {@code Barrier}: {@code parties} tasks wait for each other, then all go on together. {@link #waitAll()} is
 * asyncio's {@code wait()}, renamed because {@code wait()} is a method of {@link Object}. The barrier can be used
 * again after each round. A task cancelled while waiting leaves the round. Loop thread only.
 */
public final class Barrier {
    private final int parties;
    private final List<Waiter<Integer>> waiting = new ArrayList<>();
    /** Made once, not per wait: what a cancelled waiter calls back. */
    private final Consumer<Waiter<Integer>> dropWaiter = waiting::remove;
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
            return failed();
        }
        int index = waiting.size();
        if (index + 1 == parties) {
            List<Waiter<Integer>> round = new ArrayList<>(waiting);
            waiting.clear();
            for (int i = 0; i < round.size(); i++) {
                round.get(i).complete(i);
            }
            return new DoneTask<>(index);
        }
        Waiter<Integer> w = new Waiter<>("Barrier.waitAll", null, dropWaiter, abandoned -> { });
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
        List<Waiter<Integer>> round = new ArrayList<>(waiting);
        waiting.clear();
        for (Waiter<Integer> w : round) {
            w.fail(new BarrierBrokenException(why));
        }
    }

    private Task<Integer> failed() {
        Waiter<Integer> w = new Waiter<>("Barrier.waitAll", null, x -> { }, x -> { });
        w.fail(new BarrierBrokenException("the barrier is broken"));
        return w;
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
