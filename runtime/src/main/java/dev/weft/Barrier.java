package dev.weft;

import dev.weft.internal.DoneTask;
import dev.weft.internal.Loop;
import dev.weft.internal.LoopFuture;
import dev.weft.internal.WaiterQueue;

/**
 * asyncio's {@code Barrier}: {@code parties} tasks wait for each other, then all go on together. {@link #waitAll()} is
 * asyncio's {@code wait()}, renamed because {@code wait()} is a method of {@link Object}. The barrier can be used
 * again after each round. Loop thread only.
 *
 * <p>Implementation overview: asyncio's barrier, a condition over four states, with its interleaving.
 * <pre>
 *   FILLING ── last party arrives ──▶ DRAINING ── last party of the round leaves ──▶ FILLING
 *      │  reset() with parties inside: RESETTING ── last one leaves ──▶ FILLING      (reset() when empty: FILLING)
 *      └─ abort(), from any state: BROKEN (until reset)
 * </pre>
 * {@code inside} counts the parties that arrived and have not left (asyncio's {@code _count}); an arrival's index is
 * {@code inside} when it arrives. Every suspended party waits in one queue, in the order a condition's waiters
 * would. A state change wakes them all ({@code notify_all}); each woken party takes its next step in the next loop
 * iteration, where asyncio's woken task would run, and decides then: a party of the round leaves with its index, or
 * fails with {@link BarrierBrokenException} if the barrier was reset or aborted meanwhile (the draining phase); an
 * arrival held back while the round drains arrives now; a party whose condition does not hold yet waits again at
 * the end of the queue. A party cancelled while it waits leaves the same way, in the next iteration, without its
 * index (asyncio's {@code finally: self._count -= 1}).
 */
public final class Barrier {
    private static final int FILLING = 0;
    private static final int DRAINING = 1;
    private static final int RESETTING = 2;
    private static final int BROKEN = 3;

    private final int parties;
    private int state = FILLING;
    private int inside;
    private final WaiterQueue<Party> waiters = new WaiterQueue<>();

    /** @throws IllegalArgumentException if {@code parties} is less than 1 */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("a Barrier needs at least one party: " + parties);
        }
        this.parties = parties;
    }

    /**
     * Arrives at the barrier: returns a task done, once all parties have arrived, with this task's arrival index in
     * the round (0 for the first), or failing with {@link BarrierBrokenException} if the barrier is broken, or is
     * reset or aborted before this task leaves it. An arrival while the previous round is still leaving waits for
     * it to have left.
     */
    public Task<Integer> waitAll() {
        Loop loop = Loop.running();
        if (state == DRAINING || state == RESETTING) {
            Party held = new Party(loop);
            waiters.add(held);
            return held;
        }
        if (state == BROKEN) {
            return DoneTask.failed(new BarrierBrokenException("the barrier is broken"));
        }
        int index = inside++;
        if (index + 1 == parties) {
            release();
            return new DoneTask<>(index);
        }
        Party party = new Party(loop);
        party.enter(index);
        return party;
    }

    /** The last party arrived: the round drains; the releasing party itself leaves at once. */
    private void release() {
        state = DRAINING;
        notifyAllWaiters();
        inside--;
        leftOne();
    }

    /** A party left: when it was the last inside, the barrier fills again and the held-back arrivals are woken. */
    private void leftOne() {
        if (inside == 0) {
            if (state == RESETTING || state == DRAINING) {
                state = FILLING;
            }
            notifyAllWaiters();
        }
    }

    private void notifyAllWaiters() {
        WaiterQueue<Party> woken = waiters.takeAll();
        for (Party p; (p = woken.poll()) != null; ) {
            p.wake();
        }
    }

    /** Breaks the barrier: waiting tasks and later arrivals fail with {@link BarrierBrokenException}. */
    public void abort() {
        state = BROKEN;
        notifyAllWaiters();
    }

    /**
     * Returns the barrier to its empty state: tasks inside it fail with {@link BarrierBrokenException} as they leave,
     * and arrivals wait until they have left.
     */
    public void reset() {
        if (inside > 0) {
            state = RESETTING;
        } else {
            state = FILLING;
        }
        notifyAllWaiters();
    }

    public int parties() {
        return parties;
    }

    /** @return how many tasks wait at the barrier for the round to fill (asyncio's {@code n_waiting}) */
    public int waiting() {
        return state == FILLING ? inside : 0;
    }

    public boolean isBroken() {
        return state == BROKEN;
    }

    /** One task's wait at the barrier: held back while a round drains, then inside the round, then leaving. */
    private final class Party extends LoopFuture<Integer> {
        private final Loop loop;
        /** The arrival index, or -1 while held back (not yet arrived). */
        private int index = -1;
        /** A step is queued for the next iteration: woken, or cancelled. */
        private boolean stepQueued;
        private boolean cancelled;

        Party(Loop loop) {
            super(loop);
            this.loop = loop;
        }

        void enter(int arrival) {
            index = arrival;
            waiters.add(this);
        }

        /** Woken by a state change (and out of the queue): decide in the next iteration. */
        void wake() {
            if (!stepQueued) {
                stepQueued = true;
                loop.callSoon(this::step);
            }
        }

        private void step() {
            stepQueued = false;
            if (cancelled) {
                if (index >= 0) {
                    inside--;
                    leftOne();
                }
                completeCancelled("Barrier.waitAll was cancelled");
            } else if (index < 0) {
                arriveHeldBack();
            } else if (state == FILLING) {
                waiters.add(this);                  // the round is not full yet: wait again
            } else {
                String broke = state == BROKEN ? "aborted" : state == RESETTING ? "reset" : null;
                inside--;
                leftOne();
                if (broke != null) {
                    fail(new BarrierBrokenException("the barrier was " + broke + " before this task left it"));
                } else {
                    complete(index);
                }
            }
        }

        private void arriveHeldBack() {
            if (state == DRAINING || state == RESETTING) {
                waiters.add(this);
            } else if (state == BROKEN) {
                fail(new BarrierBrokenException("the barrier is broken"));
            } else {
                int arrival = inside++;
                if (arrival + 1 == parties) {
                    release();
                    complete(arrival);
                } else {
                    enter(arrival);
                }
            }
        }

        /** Cancelled while waiting (out of the queue): it leaves in the next iteration, as the others would. */
        @Override
        protected boolean stopWaiting() {
            cancelled = true;
            wake();
            return false;
        }

        @Override
        protected String describe() {
            return "Barrier.waitAll";
        }
    }
}
