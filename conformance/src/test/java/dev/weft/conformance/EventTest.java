package dev.weft.conformance;

import dev.weft.Async;
import dev.weft.Event;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventTest extends InterleavingTest {

    /** Yields {@code before} times, then waits for the event. */
    @Async
    Task<Boolean> waitsFor(Event event, int before, int waits, int woken) {
        await(yields(before));
        steps.expect(waits, "waits");
        boolean value = await(event.waitSet());
        steps.expect(woken, "woken");
        return done(value);
    }

    @Async
    Task<Void> cancelledWaiting(Event event, int waits, int cancelled) {
        steps.expect(waits, "waits");
        try {
            await(event.waitSet());
            throw steps.unreachable("the cancelled task resumed normally");
        } catch (CancellationException e) {
            steps.expect(cancelled, "cancelled");
            throw e;
        }
    }

    // ---- fast path ------------------------------------------------------------------------------------------------

    @Async
    Task<Void> waitsForASetEvent() {
        Event event = new Event();
        event.set();
        Task<Void> other = createTask(records(3, "other task"));
        steps.expect(1);
        assertTrue(await(event.waitSet()));
        steps.expect(2, "returned at once; the other task has not run");
        await(other);
        return done();
    }

    @Test
    void waitSetOnASetEventReturnsAtOnceWithoutSuspending() {
        run(waitsForASetEvent());
        steps.finish(3);
    }

    // ---- set wakes everyone in order ------------------------------------------------------------------------------

    @Async
    Task<Void> wakesAllInOrder() {
        Event event = new Event();
        // Created A, B, C; they start waiting B, C, A.
        Task<Boolean> a = createTask(waitsFor(event, 2, 3, 8));
        Task<Boolean> b = createTask(waitsFor(event, 0, 1, 6));
        Task<Boolean> c = createTask(waitsFor(event, 1, 2, 7));
        await(yields(5));
        steps.expect(4, "nobody woke before set()");
        assertFalse(event.isSet());
        event.set();
        event.set();
        assertTrue(event.isSet());
        steps.expect(5, "set twice");
        assertTrue(await(b));
        assertTrue(await(c));
        assertTrue(await(a));
        steps.expect(9);
        return done();
    }

    @Test
    void setWakesEveryWaiterInTheOrderTheyStartedWaiting() {
        run(wakesAllInOrder());
        steps.finish(9);
    }

    @Async
    Task<Void> setThenClear() {
        Event event = new Event();
        Task<Boolean> first = createTask(waitsFor(event, 0, 1, 4));
        Task<Boolean> second = createTask(waitsFor(event, 0, 2, 5));
        await(sleep(0));
        steps.expect(3, "set, then clear at once");
        event.set();
        event.clear();
        assertFalse(event.isSet());
        assertTrue(await(first));
        assertTrue(await(second));
        steps.expect(6);
        return done();
    }

    @Test
    void waitersWokenBySetReturnTrueEvenIfTheEventIsClearedBeforeTheyRun() {
        run(setThenClear());
        steps.finish(6);
    }

    @Async
    Task<Void> clearsAndWaitsAgain() {
        Event event = new Event();
        event.set();
        assertTrue(await(event.waitSet()));
        event.clear();
        assertFalse(event.isSet());
        Task<Boolean> waiter = createTask(waitsFor(event, 0, 1, 3));
        await(yields(3));
        steps.expect(2, "a cleared event makes waitSet wait");
        assertFalse(waiter.isDone());
        event.set();
        assertTrue(await(waiter));
        steps.expect(4);
        return done();
    }

    @Test
    void clearMakesLaterWaitsWaitUntilTheNextSet() {
        run(clearsAndWaitsAgain());
        steps.finish(4);
    }

    // ---- cancellation ---------------------------------------------------------------------------------------------

    @Async
    Task<Void> cancelsAWaiter() {
        Event event = new Event();
        Task<Boolean> first = createTask(waitsFor(event, 0, 1, 6));
        Task<Void> second = createTask(cancelledWaiting(event, 2, 5));
        Task<Boolean> third = createTask(waitsFor(event, 0, 3, 7));
        await(sleep(0));
        steps.expect(4, "cancel the second waiter");
        assertTrue(second.cancel());
        await(cancelledAsExpected(second));
        event.set();
        assertTrue(await(first));
        assertTrue(await(third));
        steps.expect(8);
        assertTrue(second.isCancelled());
        return done();
    }

    @Test
    void aWaiterCancelledWhileWaitingLeavesAndTheOthersAreStillWokenInOrder() {
        run(cancelsAWaiter());
        steps.finish(8);
    }

    @Async
    Task<Void> cancelsAfterSet() {
        Event event = new Event();
        Task<Void> first = createTask(cancelledWaiting(event, 1, 4));
        Task<Boolean> second = createTask(waitsFor(event, 0, 2, 5));
        await(sleep(0));
        steps.expect(3, "set, then cancel the first waiter before it resumes");
        event.set();
        assertTrue(first.cancel());
        await(cancelledAsExpected(first));
        await(second);
        steps.expect(6);
        assertTrue(first.isCancelled());
        assertTrue(second.result());
        assertTrue(event.isSet(), "a cancelled waiter must not consume the event");
        assertTrue(await(event.waitSet()));
        return done();
    }

    @Test
    void aWaiterCancelledAfterSetFailsWithCancellationAndTheEventStaysSet() {
        run(cancelsAfterSet());
        steps.finish(6);
    }
}
