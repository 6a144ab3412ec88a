package dev.weft.conformance;

import dev.weft.Async;
import dev.weft.Barrier;
import dev.weft.BarrierBrokenException;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BarrierTest extends InterleavingTest {

    /** Yields {@code before} times, arrives, and returns its index once everyone has arrived. */
    @Async
    Task<Integer> arrives(Barrier barrier, int before, int arrives, int passes) {
        await(yields(before));
        steps.expect(arrives, "arrives");
        int index = await(barrier.waitAll());
        steps.expect(passes, "passes with index " + index);
        return done(index);
    }

    /** Arrives and must fail because the barrier breaks. */
    @Async
    Task<String> broken(Barrier barrier, int arrives, int fails) {
        steps.expect(arrives, "arrives");
        try {
            await(barrier.waitAll());
            throw steps.unreachable("passed a broken barrier");
        } catch (BarrierBrokenException e) {
            steps.expect(fails, "broken: " + e.getMessage());
            return done(e.getMessage());
        }
    }

    // ---- rounds ---------------------------------------------------------------------------------------------------

    @Async
    Task<Void> oneRound() {
        Barrier barrier = new Barrier(3);
        // Created A, B; they arrive B, A; main arrives last.
        Task<Integer> a = createTask(arrives(barrier, 1, 2, 7));
        Task<Integer> b = createTask(arrives(barrier, 0, 1, 6));
        await(yields(3));
        assertEquals(2, barrier.waiting());
        assertFalse(a.isDone());
        assertFalse(b.isDone());
        Task<Void> other = createTask(records(5, "other task"));
        steps.expect(3, "the last party arrives");
        assertEquals(2, await(barrier.waitAll()));
        steps.expect(4, "passed at once; the other task has not run");
        assertEquals(0, barrier.waiting());
        assertEquals(1, await(a));
        assertEquals(0, await(b));
        await(other);
        steps.expect(8);
        return done();
    }

    @Test
    void partiesGetTheirArrivalIndexAndGoOnTogetherOnceTheLastArrives() {
        run(oneRound());
        steps.finish(8);
    }

    @Async
    Task<List<Integer>> twoRounds(Barrier barrier, int before) {
        int first = await(barrier.waitAll());
        await(yields(before));
        int second = await(barrier.waitAll());
        return done(List.of(first, second));
    }

    @Async
    Task<Void> reusesTheBarrier() {
        Barrier barrier = new Barrier(3);
        // Round one: arrival x, y, z. Round two: z yields least, then y, then x.
        Task<List<Integer>> x = createTask(twoRounds(barrier, 3));
        Task<List<Integer>> y = createTask(twoRounds(barrier, 2));
        Task<List<Integer>> z = createTask(twoRounds(barrier, 1));
        await(gather(x, y, z));
        assertEquals(List.of(0, 2), x.result());
        assertEquals(List.of(1, 1), y.result());
        assertEquals(List.of(2, 0), z.result());
        assertEquals(0, barrier.waiting());
        assertFalse(barrier.isBroken());
        return done();
    }

    @Test
    void theBarrierCanBeUsedForASecondRound() {
        run(reusesTheBarrier());
    }

    @Async
    Task<Integer> alone() {
        Barrier barrier = new Barrier(1);
        int first = await(barrier.waitAll());
        int second = await(barrier.waitAll());
        return done(first + second);
    }

    @Test
    void aBarrierOfOnePartyNeverWaits() {
        assertEquals(0, run(alone()));
        assertThrows(IllegalArgumentException.class, () -> new Barrier(0));
        assertEquals(4, new Barrier(4).parties());
    }

    // ---- breaking -------------------------------------------------------------------------------------------------

    @Async
    Task<Void> aborts() {
        Barrier barrier = new Barrier(3);
        Task<String> a = createTask(broken(barrier, 1, 4));
        Task<String> b = createTask(broken(barrier, 2, 5));
        await(sleep(0));
        steps.expect(3, "abort");
        barrier.abort();
        assertTrue(barrier.isBroken());
        assertEquals(0, barrier.waiting());
        await(a);
        await(b);
        steps.expect(6, "arrive at the broken barrier");
        Task<Integer> late = barrier.waitAll();
        assertTrue(late.isDone());
        assertThrows(BarrierBrokenException.class, late::result);
        return done();
    }

    @Test
    void abortFailsWaitingPartiesAndLaterArrivalsWithBarrierBrokenException() {
        run(aborts());
        steps.finish(6);
    }

    @Async
    Task<Void> resets() {
        Barrier barrier = new Barrier(2);
        Task<String> waiting = createTask(broken(barrier, 1, 3));
        await(sleep(0));
        steps.expect(2, "reset");
        barrier.reset();
        assertFalse(barrier.isBroken());
        await(waiting);
        Task<Integer> next = createTask(arrives(barrier, 0, 4, 6));
        await(sleep(0));
        steps.expect(5, "a full round after the reset");
        assertEquals(1, await(barrier.waitAll()));
        assertEquals(0, await(next));
        steps.expect(7);
        return done();
    }

    @Test
    void resetFailsTheWaitingPartiesAndTheBarrierWorksAgain() {
        run(resets());
        steps.finish(7);
    }

    @Async
    Task<Void> abortsThenResets() {
        Barrier barrier = new Barrier(2);
        barrier.abort();
        assertThrows(BarrierBrokenException.class, barrier.waitAll()::result);
        barrier.reset();
        Task<Integer> other = createTask(arrives(barrier, 0, 1, 3));
        await(sleep(0));
        steps.expect(2);
        assertEquals(1, await(barrier.waitAll()));
        assertEquals(0, await(other));
        return done();
    }

    @Test
    void resetRepairsAnAbortedBarrier() {
        run(abortsThenResets());
        steps.finish(3);
    }

    // ---- cancellation ---------------------------------------------------------------------------------------------

    @Async
    Task<Void> cancelledArrival(Barrier barrier, int arrives, int cancelled) {
        steps.expect(arrives, "arrives");
        try {
            await(barrier.waitAll());
            throw steps.unreachable("the cancelled party passed");
        } catch (CancellationException e) {
            steps.expect(cancelled, "cancelled");
            throw e;
        }
    }

    @Async
    Task<Void> cancelsAParty() {
        Barrier barrier = new Barrier(3);
        Task<Integer> a = createTask(arrives(barrier, 0, 1, 7));
        Task<Void> b = createTask(cancelledArrival(barrier, 2, 4));
        await(sleep(0));
        assertEquals(2, barrier.waiting());
        steps.expect(3, "cancel the second party");
        b.cancel();
        await(cancelledAsExpected(b));
        assertEquals(1, barrier.waiting(), "the cancelled party is still counted");
        Task<Integer> c = createTask(arrives(barrier, 0, 5, 8));
        await(sleep(0));
        steps.expect(6, "the round still needs one party");
        assertFalse(a.isDone());
        assertEquals(2, await(barrier.waitAll()));
        assertEquals(0, await(a));
        assertEquals(1, await(c));
        steps.expect(9);
        return done();
    }

    @Test
    void aPartyCancelledWhileWaitingLeavesTheRound() {
        run(cancelsAParty());
        steps.finish(9);
    }

    @Async
    Task<Void> cancelsAPartyAsTheRoundCompletes() {
        Barrier barrier = new Barrier(3);
        Task<Void> a = createTask(cancelledArrival(barrier, 1, 4));
        Task<Integer> b = createTask(arrives(barrier, 0, 2, 5));
        await(sleep(0));
        steps.expect(3, "the last party arrives, then cancels the first before it resumes");
        assertEquals(2, await(barrier.waitAll()));
        a.cancel();
        await(cancelledAsExpected(a));
        assertEquals(1, await(b));
        steps.expect(6);
        assertEquals(0, barrier.waiting());
        assertFalse(barrier.isBroken());
        return done();
    }

    @Test
    void aPartyCancelledAfterTheRoundCompletedDoesNotHoldTheOthersBack() {
        run(cancelsAPartyAsTheRoundCompletes());
        steps.finish(6);
    }
}
