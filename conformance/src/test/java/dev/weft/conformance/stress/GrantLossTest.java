package dev.weft.conformance.stress;

import dev.weft.Async;
import dev.weft.AsyncTimeoutException;
import dev.weft.BoundedSemaphore;
import dev.weft.EventLoop;
import dev.weft.Lock;
import dev.weft.Outcome;
import dev.weft.Semaphore;
import dev.weft.Task;
import dev.weft.TaskGroup;
import dev.weft.TaskGroupException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exact cases the stress runs hit at random, one at a time, for Lock, Semaphore and BoundedSemaphore (one permit
 * each): a waiter W asks through a {@link Via} and a second waiter N asks directly behind it; the holder releases,
 * which grants W, and W is cancelled (or times out) before it can resume. The grant must go on to N, and the
 * primitive must end free: W's cancelled await throws and W holds nothing. Each test's name is the case, e.g.
 * {@code lockGrantedThenCancelledThroughWaitForPassesToNextWaiter}.
 */
class GrantLossTest {

    /** One permit behind one interface: a Lock, a Semaphore(1) or a BoundedSemaphore(1). */
    enum Kind {
        lock, semaphore, boundedSemaphore;

        Permit make() {
            switch (this) {
                case lock: {
                    Lock l = new Lock();
                    return new Permit(l::acquire, l::release, () -> !l.isLocked() && l.acquire().isDone(), l::release);
                }
                case semaphore:
                default: {
                    Semaphore s = this == semaphore ? new Semaphore(1) : new BoundedSemaphore(1);
                    return new Permit(s::acquire, s::release, () -> s.value() == 1 && !s.locked(), () -> { });
                }
            }
        }
    }

    /** How a case acquires, releases, and checks that the permit is back with no waiter (then tidies up). */
    static final class Permit {
        final java.util.function.Supplier<Task<Void>> acquire;
        final Runnable release;
        final java.util.function.BooleanSupplier freeWithNoWaiter;
        final Runnable afterCheck;

        Permit(java.util.function.Supplier<Task<Void>> acquire, Runnable release,
               java.util.function.BooleanSupplier freeWithNoWaiter, Runnable afterCheck) {
            this.acquire = acquire;
            this.release = release;
            this.freeWithNoWaiter = freeWithNoWaiter;
            this.afterCheck = afterCheck;
        }
    }

    static Stream<Arguments> everyKindAndWay() {
        return Via.withEveryWay(Kind.values());
    }

    static Stream<Arguments> everyKindAndWayWithATimeout() {
        return everyKindAndWay().filter(a -> ((Via) a.get()[1]).mayTimeOut());
    }

    /** W: asks through {@code via}; records whether it held the permit (and gives it back) or how its await ended. */
    @Async
    Task<String> asksThrough(Permit p, Via via, long timeoutMillis) {
        Task<Void> op = p.acquire.get();
        try {
            await(Through.via(via, op, timeoutMillis, granted -> p.release.run()));
        } catch (CancellationException | AsyncTimeoutException e) {
            return done(e.getClass().getSimpleName());
        }
        p.release.run();
        return done("held");
    }

    /** N: asks directly, holds the permit across a yield, gives it back. */
    @Async
    Task<String> asksNext(Permit p) {
        await(p.acquire.get());
        try {
            await(sleep(0));
        } finally {
            p.release.run();
        }
        return done("held");
    }

    /** Awaits {@code t}'s outcome, failing instead of hanging if it never ends (virtual time: at once). */
    @Async
    static <T> Task<Outcome<T>> settled(Task<T> t, String who) {
        try {
            return done(await(waitFor(gatherOutcomes(t), Duration.ofHours(1))).get(0));
        } catch (AsyncTimeoutException e) {
            throw new AssertionError(who + " never ended: it waits for a grant that was lost");
        }
    }

    @Async
    Task<List<String>> grantedThenCancelled(Permit p, Via via) {
        await(p.acquire.get());
        Task<String> w = createTask(asksThrough(p, via, -1));
        await(sleep(0));
        Task<String> n = createTask(asksNext(p));
        await(sleep(0));
        p.release.run();            // grants W ...
        assertTrue(w.cancel());     // ... which is cancelled before it can resume
        return done(List.of(String.valueOf(await(settled(w, "W")).value()),
                String.valueOf(await(settled(n, "N, the next waiter,")).value())));
    }

    @ParameterizedTest(name = "{0}GrantedThenCancelledThrough{1}PassesToNextWaiter")
    @MethodSource("everyKindAndWay")
    void grantedThenCancelledPassesToNextWaiter(Kind kind, Via via) {
        Permit p = kind.make();
        List<String> ends = explained(() -> Stress.runVirtual(grantedThenCancelled(p, via)),
                kind + " granted to W, which was cancelled through " + via + " before it resumed: ");
        assertEquals(List.of("CancellationException", "held"), ends, "how W and N ended");
        assertTrue(p.freeWithNoWaiter.getAsBoolean(), kind + " is not free at the end: the grant was lost");
        p.afterCheck.run();
    }

    /** N and N2: ask directly, cancel {@code w} once they hold the permit, yield; {@code inside} counts holders. */
    @Async
    Task<String> holdsCounting(Permit p, int[] inside, Task<?>[] w) {
        await(p.acquire.get());
        try {
            w[0].cancel();
            if (++inside[0] > 1) {
                return done("held with another holder: the permit was handed on twice");
            }
            await(sleep(0));
        } finally {
            inside[0]--;
            p.release.run();
        }
        return done("held");
    }

    /**
     * W is cancelled from a plain callback, where handing its grant on to N runs N at once, and N cancels W again
     * while the first hand-back is still under way: the grant must be handed on once.
     */
    @Async
    Task<List<String>> grantedThenCancelledTwice(Permit p, Via via) {
        int[] inside = {0};
        Task<?>[] w = new Task<?>[1];
        await(p.acquire.get());
        w[0] = createTask(asksThrough(p, via, -1));
        await(sleep(0));
        Task<String> n = createTask(holdsCounting(p, inside, w));
        Task<String> n2 = createTask(holdsCounting(p, inside, w));
        await(sleep(0));
        p.release.run();                                // grants W ...
        EventLoop.current().callSoon(w[0]::cancel);     // ... cancelled before it resumes
        return done(List.of(String.valueOf(await(settled(w[0], "W")).value()),
                String.valueOf(await(settled(n, "N")).value()), String.valueOf(await(settled(n2, "N2")).value())));
    }

    @ParameterizedTest(name = "{0}GrantedThenCancelledThrough{1}AndAgainByTheNextHolderIsHandedOnOnce")
    @MethodSource("everyKindAndWay")
    void grantedThenCancelledTwiceIsHandedOnOnce(Kind kind, Via via) {
        Permit p = kind.make();
        List<String> ends = explained(() -> Stress.runVirtual(grantedThenCancelledTwice(p, via)),
                kind + " granted to W, then W cancelled through " + via + " and again by the next holder: ");
        assertTrue(List.of(List.of("CancellationException", "held", "held"), List.of("held", "held", "held"))
                .contains(ends), "how W, N and N2 ended: " + ends);
        assertTrue(p.freeWithNoWaiter.getAsBoolean(), kind + " is not free at the end");
        p.afterCheck.run();
    }

    /**
     * The holder releases at the very instant W's timeout expires, its timer first: W may take the permit (and give
     * it back) or time out, but the permit must not be lost either way.
     */
    @Async
    Task<List<String>> releasedAsTheTimeoutExpires(Permit p, Via via) {
        await(p.acquire.get());
        Task<String> w = createTask(asksThrough(p, via, 10));
        Task<String> n = createTask(asksNext(p));
        await(sleep(10));           // this timer was set before W's: it fires first in the same iteration
        p.release.run();
        return done(List.of(String.valueOf(await(settled(w, "W")).value()),
                String.valueOf(await(settled(n, "N, the next waiter,")).value())));
    }

    @ParameterizedTest(name = "{0}ReleasedAsItsWaiterTimesOutThrough{1}IsNotLost")
    @MethodSource("everyKindAndWayWithATimeout")
    void releasedAsTheWaiterTimesOutIsNotLost(Kind kind, Via via) {
        Permit p = kind.make();
        List<String> ends = Stress.runVirtual(releasedAsTheTimeoutExpires(p, via));
        assertTrue(List.of("held", "AsyncTimeoutException").contains(ends.get(0)), "W ended with " + ends.get(0));
        assertEquals("held", ends.get(1), "N, the next waiter, did not get the permit");
        assertTrue(p.freeWithNoWaiter.getAsBoolean(), kind + " is not free at the end: the grant was lost");
        p.afterCheck.run();
    }

    // ---- a member of a TaskGroup, cancelled by its group ------------------------------------------------------

    @Async
    Task<Void> member(Permit p, List<String> log) {
        await(p.acquire.get());
        try {
            log.add("the member held the permit");
        } finally {
            p.release.run();
        }
        return done();
    }

    @Async
    Task<Void> failsWhenTold(dev.weft.Event go) {
        await(go.waitSet());
        throw new IllegalStateException("a sibling fails");
    }

    /**
     * A sibling fails, so the group cancels its member; in the same turn the member is granted the permit. Whichever
     * comes first, the permit must reach the next waiter and end free.
     */
    @Async
    Task<String> memberCancelledByItsGroup(Permit p, List<String> log) {
        await(p.acquire.get());
        dev.weft.Event go = new dev.weft.Event();
        Task<String> n;
        Task<Void> joined;
        try (TaskGroup group = new TaskGroup()) {
            group.createTask(member(p, log));
            group.createTask(failsWhenTold(go));
            await(sleep(0));
            n = createTask(asksNext(p));
            await(sleep(0));
            go.set();                 // the sibling fails when it runs next; the group then cancels the member
            await(sleep(0));
            p.release.run();          // grants the member, before the group's cancellation reaches it
            joined = group.join();
        }
        Outcome<Void> groupEnd = await(settled(joined, "the group"));
        assertTrue(groupEnd.exception() instanceof TaskGroupException, "the group ended with " + groupEnd);
        return done(String.valueOf(await(settled(n, "N, the next waiter,")).value()));
    }

    @ParameterizedTest(name = "{0}GrantedToATaskGroupMemberCancelledByItsGroupIsNotLost")
    @MethodSource("kinds")
    void grantedToATaskGroupMemberCancelledByItsGroupIsNotLost(Kind kind) {
        Permit p = kind.make();
        List<String> log = new ArrayList<>();
        assertEquals("held", Stress.runVirtual(memberCancelledByItsGroup(p, log)), "N, the next waiter; " + log);
        assertTrue(p.freeWithNoWaiter.getAsBoolean(), kind + " is not free at the end: the grant was lost");
        p.afterCheck.run();
    }

    /** Runs {@code run}, prefixing the message of an AssertionError it throws with the case. */
    static <T> T explained(java.util.function.Supplier<T> run, String theCase) {
        try {
            return run.get();
        } catch (AssertionError e) {
            throw new AssertionError(theCase + e.getMessage(), e);
        }
    }

    static Stream<Kind> kinds() {
        return Stream.of(Kind.values());
    }
}
