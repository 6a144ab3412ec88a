package dev.weft.conformance;

import dev.weft.Async;
import dev.weft.Event;
import dev.weft.Lock;
import dev.weft.Queue;
import dev.weft.ReturnWhen;
import dev.weft.Semaphore;
import dev.weft.Task;
import dev.weft.TaskGroup;
import dev.weft.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A grant is never lost: a lock, a permit or an item granted to a task that is cancelled before it resumes goes on,
 * whatever stands between the task and the primitive. Each case has the holder release (or put) and then cancel the
 * waiter in the same step, so the grant is made and the waiter has not resumed yet: the window in which a wrapper that
 * does not pass the grant on loses it.
 */
class GrantHandBackTest extends InterleavingTest {
    private static final Duration LONG = Duration.ofSeconds(5);

    /** Takes every item left in {@code queue}, in order. */
    private static <T> List<T> drain(Queue<T> queue) {
        List<T> left = new ArrayList<>();
        while (!queue.empty()) {
            left.add(queue.getNowait());
        }
        return left;
    }

    /** The ways a task can await on a user's behalf, each wrapping the primitive's task. */
    enum Wrapper {
        DIRECT(t -> t),
        WAIT_FOR(t -> waitFor(t, LONG)),
        SHIELD(t -> shield(t)),
        GATHER(t -> gather(t)),
        GATHER_WITH_DONE(t -> gather(t, done(null))),
        GATHER_OUTCOMES(t -> gatherOutcomes(t)),
        WAIT_TASKS(t -> waitTasks(List.of(t), ReturnWhen.ALL_COMPLETED)),
        WAIT_FOR_OF_SHIELD(t -> waitFor(shield(t), LONG));

        final Function<Task<Object>, Task<?>> wrap;

        @SuppressWarnings({"unchecked", "rawtypes"})
        Wrapper(Function<Task<Object>, Task<?>> wrap) {
            this.wrap = wrap;
        }

        @SuppressWarnings("unchecked")
        Task<?> around(Task<?> t) {
            return wrap.apply((Task<Object>) t);
        }
    }

    /** Awaits {@code task} through {@code wrapper}; must be cancelled before it resumes. */
    @Async
    Task<Void> awaitsThrough(Wrapper wrapper, Task<?> task) {
        await(wrapper.around(task));
        throw steps.unreachable("the waiter resumed with its grant although it was cancelled first");
    }

    /** Awaits the first of {@code asCompleted} over {@code task}. */
    @Async
    Task<Void> awaitsAsCompleted(Task<?> task) {
        for (Task<?> next : asCompleted(List.of(task))) {
            await(next);
        }
        throw steps.unreachable("the waiter resumed with its grant although it was cancelled first");
    }

    /** Awaits {@code task} inside a timeout scope. */
    @Async
    Task<Void> awaitsInTimeoutScope(Task<?> task) {
        try (Timeout t = timeout(LONG)) {
            await(task);
        }
        throw steps.unreachable("the waiter resumed with its grant although it was cancelled first");
    }

    // ---- Lock ------------------------------------------------------------------------------------------------------

    @Async
    Task<Void> lockPassesOn(Function<Lock, Task<Void>> waiter) {
        Lock lock = new Lock();
        await(lock.acquire());
        Task<Void> v = createTask(waiter.apply(lock));
        await(sleep(0));                                   // v now waits for the lock
        lock.release();                                    // the lock is v's
        assertTrue(v.cancel());                            // ... but v is cancelled before it can resume
        await(cancelledAsExpected(v));
        assertFalse(lock.isLocked(), "the lock granted to the cancelled waiter was lost: " + lock);
        await(lock.acquire());                             // and it can be taken again at once
        lock.release();
        return done();
    }

    @ParameterizedTest
    @EnumSource(Wrapper.class)
    void aLockGrantedToACancelledWaiterPassesOnThrough(Wrapper wrapper) {
        run(lockPassesOn(lock -> awaitsThrough(wrapper, lock.acquire())));
    }

    @Test
    void aLockGrantedToACancelledWaiterPassesOnThroughAsCompleted() {
        run(lockPassesOn(lock -> awaitsAsCompleted(lock.acquire())));
    }

    @Test
    void aLockGrantedToACancelledWaiterPassesOnThroughATimeoutScope() {
        run(lockPassesOn(lock -> awaitsInTimeoutScope(lock.acquire())));
    }

    @Async
    Task<Void> acquiresThroughWaitFor(Lock lock) {
        await(waitFor(lock.acquire(), LONG));
        throw steps.unreachable("the member resumed with the lock although it was cancelled first");
    }

    /** A group's close cancels its members: one granted the lock just before passes it on. */
    @Async
    Task<Void> lockPassesOnThroughAGroup() {
        Lock lock = new Lock();
        await(lock.acquire());
        TaskGroup group = new TaskGroup();
        Task<Void> member = group.createTask(acquiresThroughWaitFor(lock));
        await(sleep(0));                                   // the member waits for the lock
        lock.release();                                    // the lock is the member's
        group.close();                                     // ... but the group cancels it before it resumes
        await(cancelledAsExpected(member));
        assertFalse(lock.isLocked(), "the lock granted to the cancelled member was lost: " + lock);
        return done();
    }

    @Test
    void aLockGrantedToACancelledWaiterPassesOnThroughATaskGroup() {
        run(lockPassesOnThroughAGroup());
    }

    @Async
    Task<Void> lockGoesToTheNextWaiter() {
        Lock lock = new Lock();
        await(lock.acquire());
        Task<Void> first = createTask(awaitsThrough(Wrapper.WAIT_FOR, lock.acquire()));
        Task<Void> second = createTask(holds(lock));
        await(sleep(0));
        lock.release();
        first.cancel();
        await(cancelledAsExpected(first));
        await(waitFor(second, LONG));                      // the second waiter got the lock and released it
        assertFalse(lock.isLocked());
        return done();
    }

    @Async
    Task<Void> holds(Lock lock) {
        await(lock.acquire());
        lock.release();
        return done();
    }

    @Test
    void aLockGrantedToACancelledWaiterGoesToTheNextWaiter() {
        run(lockGoesToTheNextWaiter());
    }

    // ---- Semaphore ---------------------------------------------------------------------------------------------

    @Async
    Task<Void> permitComesBack(Wrapper wrapper) {
        Semaphore semaphore = new Semaphore(1);
        await(semaphore.acquire());
        Task<Void> v = createTask(awaitsThrough(wrapper, semaphore.acquire()));
        await(sleep(0));
        semaphore.release();
        v.cancel();
        await(cancelledAsExpected(v));
        assertEquals(1, semaphore.value(), "the permit granted to the cancelled waiter was lost");
        return done();
    }

    @ParameterizedTest
    @EnumSource(Wrapper.class)
    void aPermitGrantedToACancelledWaiterComesBackThrough(Wrapper wrapper) {
        run(permitComesBack(wrapper));
    }

    // ---- Queue -------------------------------------------------------------------------------------------------

    @Async
    Task<List<String>> itemGoesBackToTheFront(Wrapper wrapper) {
        Queue<String> queue = new Queue<>();
        Task<Void> v = createTask(awaitsThrough(wrapper, queue.get()));
        await(sleep(0));
        queue.putNowait("a");                              // handed to v at once
        queue.putNowait("b");
        v.cancel();
        await(cancelledAsExpected(v));
        return done(drain(queue));
    }

    @ParameterizedTest
    @EnumSource(Wrapper.class)
    void anItemHandedToACancelledConsumerGoesBackToTheFrontThrough(Wrapper wrapper) {
        assertEquals(List.of("a", "b"), run(itemGoesBackToTheFront(wrapper)));
    }

    @Async
    Task<Void> putWaits(Queue<Integer> queue, int item) {
        await(queue.put(item));
        throw steps.unreachable("the producer resumed although it was cancelled first");
    }

    /** asyncio: a put cancelled at its await adds nothing, so a retry does not duplicate the item. */
    @Async
    Task<List<Integer>> cancelledPutAddsNothing() {
        Queue<Integer> queue = new Queue<>(1);
        queue.putNowait(1);
        Task<Void> producer = createTask(putWaits(queue, 2));
        await(sleep(0));                                   // the producer waits: the queue is full
        assertEquals(1, queue.getNowait());                // room for 2: the producer is admitted ...
        producer.cancel();                                 // ... and cancelled before it resumes
        await(cancelledAsExpected(producer));
        return done(drain(queue));
    }

    @Test
    void aProducerCancelledAfterItWasAdmittedAddsNothing() {
        assertEquals(List.of(), run(cancelledPutAddsNothing()));
    }

    @Async
    Task<List<Integer>> nextProducerAdmitted() {
        Queue<Integer> queue = new Queue<>(1);
        queue.putNowait(1);
        Task<Void> first = createTask(putWaits(queue, 2));
        Task<Void> second = createTask(puts(queue, 3));
        await(sleep(0));
        assertEquals(1, queue.getNowait());
        first.cancel();
        await(cancelledAsExpected(first));
        await(waitFor(second, LONG));                      // the room went on to the second producer
        return done(drain(queue));
    }

    @Async
    Task<Void> puts(Queue<Integer> queue, int item) {
        await(queue.put(item));
        return done();
    }

    @Test
    void theRoomGivenToACancelledProducerGoesToTheNextProducer() {
        assertEquals(List.of(3), run(nextProducerAdmitted()));
    }

    /** A cancel that comes after the admitted item was taken cannot undo the put: it lands at the next await. */
    @Async
    Task<String> lateCancelOfAPut() {
        Queue<Integer> queue = new Queue<>(1);
        queue.putNowait(1);
        Event proceed = new Event();
        Task<String> producer = createTask(putsThenWaits(queue, proceed));
        await(sleep(0));
        assertEquals(1, queue.getNowait());                // 2 is admitted
        assertEquals(2, queue.getNowait());                // ... and taken before the producer resumes
        producer.cancel();
        return done(await(producer));
    }

    @Async
    Task<String> putsThenWaits(Queue<Integer> queue, Event proceed) {
        await(queue.put(2));
        try {
            await(proceed.waitSet());
        } catch (CancellationException e) {
            return done("put done, then cancelled at the next await");
        }
        throw steps.unreachable("the cancel was lost");
    }

    @Test
    void aCancelAfterThePutItemWasTakenIsDeliveredAtTheNextAwait() {
        assertEquals("put done, then cancelled at the next await", run(lateCancelOfAPut()));
    }

    @Test
    void aCancelledPutThroughAWrapperAddsNothing() {
        assertEquals(List.of(), run(cancelledPutThrough()));
    }

    @Async
    Task<List<Integer>> cancelledPutThrough() {
        Queue<Integer> queue = new Queue<>(1);
        queue.putNowait(1);
        Task<Void> producer = createTask(awaitsThrough(Wrapper.WAIT_FOR, queue.put(2)));
        await(sleep(0));
        assertEquals(1, queue.getNowait());
        producer.cancel();
        await(cancelledAsExpected(producer));
        return done(drain(queue));
    }

    @Test
    void aGatherCancelledAfterSomeChildrenWereGrantedHandsTheirGrantsBack() {
        run(gatherPartlyGranted());
    }

    @Async
    Task<Void> gatherPartlyGranted() {
        Lock lock = new Lock();
        await(lock.acquire());
        Task<Void> v = createTask(awaitsThrough(Wrapper.DIRECT, gather(lock.acquire(), sleep(1_000_000))));
        await(sleep(0));
        lock.release();                                    // the gather's first child holds the lock
        await(sleep(0));
        v.cancel();                                        // the gather is cancelled while its sleep is pending
        await(cancelledAsExpected(v));
        assertFalse(lock.isLocked(), "the lock held by a child of the cancelled gather was lost");
        return done();
    }
}
