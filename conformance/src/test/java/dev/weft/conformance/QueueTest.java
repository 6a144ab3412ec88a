package dev.weft.conformance;

import dev.weft.Async;
import dev.weft.LifoQueue;
import dev.weft.PriorityQueue;
import dev.weft.Queue;
import dev.weft.QueueEmptyException;
import dev.weft.QueueFullException;
import dev.weft.QueueShutDownException;
import dev.weft.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueueTest extends InterleavingTest {

    /** Yields {@code before} times, then takes one item. */
    @Async
    <T> Task<T> getsOne(Queue<T> q, int before, int asks, int gets) {
        await(yields(before));
        steps.expect(asks, "asks");
        T item = await(q.get());
        steps.expect(gets, "gets " + item);
        return done(item);
    }

    /** Yields {@code before} times, then puts one item. */
    @Async
    <T> Task<Void> putsOne(Queue<T> q, T item, int before, int puts, int in) {
        await(yields(before));
        steps.expect(puts, "puts " + item);
        await(q.put(item));
        steps.expect(in, item + " is in");
        return done();
    }

    /** Awaits the operation {@code op} starts, which must fail with {@code expected}; a cancellation is rethrown. */
    @Async
    Task<Void> failsWith(Class<? extends RuntimeException> expected, Supplier<Task<?>> op, int waits, int fails) {
        steps.expect(waits, "waits");
        try {
            await(op.get());
        } catch (RuntimeException e) {
            assertTrue(expected.isInstance(e), () -> "failed with " + e);
            steps.expect(fails, expected.getSimpleName());
            if (e instanceof CancellationException) {
                throw e;
            }
            return done();
        }
        throw steps.unreachable("the queue operation succeeded");
    }

    @Async
    Task<Void> fifoWithoutSuspending() {
        Queue<String> q = new Queue<>();
        Task<Void> other = createTask(records(3, "other task"));
        steps.expect(1);
        await(q.put("a"));
        await(q.put("b"));
        q.putNowait("c");
        assertEquals(3, q.qsize());
        assertFalse(q.full(), "an unbounded queue is never full");
        assertEquals("a", await(q.get()));
        assertEquals("b", q.getNowait());
        assertEquals("c", await(q.get()));
        assertTrue(q.empty());
        steps.expect(2, "three puts and gets; the other task has not run");
        await(other);
        return done();
    }

    @Test
    void itemsComeOutInTheOrderTheyWentInAndPutOrGetThatCanProceedDoesNotSuspend() {
        run(fifoWithoutSuspending());
        steps.finish(3);
    }

    @Async
    Task<Void> servesConsumersInOrder() {
        Queue<String> q = new Queue<>();
        // Created A, B, C; they ask B, C, A.
        Task<String> a = createTask(getsOne(q, 2, 3, 7));
        Task<String> b = createTask(getsOne(q, 0, 1, 5));
        Task<String> c = createTask(getsOne(q, 1, 2, 6));
        await(yields(4));
        steps.expect(4, "put three items");
        q.putNowait("x");
        q.putNowait("y");
        q.putNowait("z");
        assertTrue(q.empty(), "the items went straight to the waiting consumers");
        assertEquals(List.of("z", "x", "y"), await(gather(a, b, c)));
        steps.expect(8);
        return done();
    }

    @Test
    void waitingConsumersAreServedInTheOrderTheyAsked() {
        run(servesConsumersInOrder());
        steps.finish(8);
    }

    @Async
    Task<Void> backPressure() {
        Queue<String> q = new Queue<>(2);
        await(q.put("a"));
        await(q.put("b"));
        Task<Void> p = createTask(putsOne(q, "c", 0, 1, 4));
        await(yields(3));
        steps.expect(2, "the producer still waits");
        assertFalse(p.isDone());
        assertEquals("a", await(q.get()));
        steps.expect(3, "took a: c goes in, the producer resumes later");
        assertEquals(2, q.qsize());
        assertTrue(q.full());
        await(p);
        steps.expect(5);
        assertEquals("b", q.getNowait());
        assertEquals("c", q.getNowait());
        return done();
    }

    @Test
    void aProducerWaitsWhileTheQueueIsFullAndResumesWhenAConsumerTakes() {
        run(backPressure());
        steps.finish(5);
    }

    @Async
    Task<Void> admitsProducersInOrder() {
        Queue<String> q = new Queue<>(1);
        q.putNowait("x");
        // Created A, B, C; they put B, C, A.
        Task<Void> a = createTask(putsOne(q, "a", 2, 3, 8));
        Task<Void> b = createTask(putsOne(q, "b", 0, 1, 5));
        Task<Void> c = createTask(putsOne(q, "c", 1, 2, 6));
        await(yields(4));
        steps.expect(4, "take x");
        assertEquals("x", q.getNowait());
        await(b);
        assertEquals("b", q.getNowait());
        await(c);
        steps.expect(7, "take c");
        assertEquals("c", q.getNowait());
        await(a);
        assertEquals("a", q.getNowait());
        steps.expect(9);
        return done();
    }

    @Test
    void waitingProducersAreAdmittedInTheOrderTheyCame() {
        run(admitsProducersInOrder());
        steps.finish(9);
    }

    @Test
    void putNowaitOnAFullQueueGetNowaitOnAnEmptyOneAndTaskDoneTooOftenThrow() {
        Queue<String> q = new Queue<>(1);
        assertThrows(QueueEmptyException.class, q::getNowait);
        assertThrows(IllegalStateException.class, q::taskDone);
        q.putNowait("a");
        assertTrue(q.full());
        assertThrows(QueueFullException.class, () -> q.putNowait("b"));
        assertEquals("a", q.getNowait());
        assertThrows(QueueEmptyException.class, q::getNowait);
        q.taskDone();
        assertThrows(IllegalStateException.class, q::taskDone);
    }

    @Async
    Task<Void> joins(Queue<?> q, int joins, int joined) {
        steps.expect(joins, "joins");
        await(q.join());
        steps.expect(joined, "joined");
        return done();
    }

    @Async
    Task<Void> joinWaitsForTaskDone() {
        Queue<String> q = new Queue<>();
        assertTrue(q.join().isDone(), "nothing was put");
        q.putNowait("a");
        q.putNowait("b");
        Task<Void> joiner = createTask(joins(q, 1, 4));
        await(sleep(0));
        q.getNowait();
        q.taskDone();
        steps.expect(2, "a done; b unfinished");
        q.getNowait();
        await(yields(3));
        assertFalse(joiner.isDone(), "b was taken but not marked done");
        steps.expect(3, "b done");
        q.taskDone();
        await(joiner);
        steps.expect(5);
        assertTrue(q.join().isDone());
        return done();
    }

    @Test
    void joinWaitsUntilEveryItemPutWasMarkedDone() {
        run(joinWaitsForTaskDone());
        steps.finish(5);
    }

    @Async
    Task<Void> shutsDown() {
        Queue<String> q = new Queue<>(2);
        q.putNowait("a");
        q.putNowait("b");
        Task<Void> producer = createTask(failsWith(QueueShutDownException.class, () -> q.put("c"), 1, 3));
        await(sleep(0));
        steps.expect(2, "shut down");
        q.shutdown();
        await(producer);
        assertThrows(QueueShutDownException.class, () -> q.putNowait("d"));
        assertThrows(QueueShutDownException.class, q.put("d")::result);
        assertEquals("a", await(q.get()), "items left are still given out");
        assertEquals("b", q.getNowait());
        assertThrows(QueueShutDownException.class, q::getNowait);
        assertThrows(QueueShutDownException.class, q.get()::result);
        steps.expect(4, "drained; join still counts the unfinished items");
        Task<Void> joiner = createTask(joins(q, 5, 6));
        await(sleep(0));
        q.taskDone();
        q.taskDone();
        await(joiner);
        return done();
    }

    @Test
    void shutdownFailsWaitingProducersAndConsumersDrainTheItemsLeftThenFail() {
        run(shutsDown());
        steps.finish(6);
    }

    @Async
    Task<Void> shutsDownEmpty(boolean immediate) {
        Queue<String> q = new Queue<>();
        Task<Void> first = createTask(failsWith(QueueShutDownException.class, q::get, 1, 4));
        Task<Void> second = createTask(failsWith(QueueShutDownException.class, q::get, 2, 5));
        await(sleep(0));
        steps.expect(3, "shut down");
        q.shutdown(immediate);
        await(gather(first, second));
        steps.expect(6);
        return done();
    }

    @ParameterizedTest(name = "immediate: {0}")
    @ValueSource(booleans = {false, true})
    void shutdownFailsTheConsumersWaitingOnAnEmptyQueueInOrder(boolean immediate) {
        run(shutsDownEmpty(immediate));
        steps.finish(6);
    }

    @Async
    Task<Void> shutsDownImmediately() {
        Queue<String> q = new Queue<>(2);
        q.putNowait("a");
        assertEquals("a", q.getNowait());
        q.putNowait("b");
        q.putNowait("c");
        Task<Void> joiner = createTask(joins(q, 1, 6));
        Task<Void> producer = createTask(failsWith(QueueShutDownException.class, () -> q.put("d"), 2, 4));
        await(sleep(0));
        steps.expect(3, "shut down at once");
        q.shutdown(true);
        assertTrue(q.empty(), "the items were not dropped");
        await(producer);
        await(yields(3));
        steps.expect(5, "b and c were dropped, a is still in process");
        assertFalse(joiner.isDone());
        assertThrows(QueueShutDownException.class, q.get()::result);
        q.taskDone();
        await(joiner);
        steps.expect(7);
        assertThrows(IllegalStateException.class, q::taskDone);
        return done();
    }

    @Test
    void immediateShutdownDropsTheItemsAsDoneFailsWaitingProducersAndReleasesJoin() {
        run(shutsDownImmediately());
        steps.finish(7);
    }

    @Async
    Task<Void> cancelsAConsumer(boolean afterTheGrant) {
        Queue<String> q = new Queue<>();
        Task<Void> first = createTask(failsWith(CancellationException.class, q::get, 1, 4));
        Task<String> second = createTask(getsOne(q, 0, 2, 5));
        await(sleep(0));
        steps.expect(3, afterTheGrant ? "hand x to the first consumer, then cancel it" : "cancel, then put x");
        if (afterTheGrant) {
            q.putNowait("x");
        }
        first.cancel();
        if (!afterTheGrant) {
            q.putNowait("x");
        }
        assertEquals("x", await(second));
        steps.expect(6);
        assertTrue(first.isCancelled());
        assertTrue(q.empty());
        return done();
    }

    @Test
    void aConsumerCancelledWhileWaitingTakesNothingAndTheNextIsServed() {
        run(cancelsAConsumer(false));
        steps.finish(6);
    }

    @Test
    void aConsumerCancelledAfterAnItemWasHandedToItPassesItToTheNextConsumer() {
        run(cancelsAConsumer(true));
        steps.finish(6);
    }

    /** One consumer waits; it is handed the first item put, then cancelled after {@code more} were put too. */
    @Async
    <T> Task<List<T>> givesBack(Queue<T> q, T first, List<T> more) {
        Task<Void> consumer = createTask(failsWith(CancellationException.class, q::get, 1, 2));
        await(sleep(0));
        q.putNowait(first);
        more.forEach(q::putNowait);
        consumer.cancel();
        await(gatherOutcomes(consumer));
        assertTrue(consumer.isCancelled());
        return done(drain(q));
    }

    @Test
    void anItemAbandonedByACancelledConsumerGoesBackToTheFront() {
        assertEquals(List.of("a", "b", "c"), run(givesBack(new Queue<>(), "a", List.of("b", "c"))));
        steps.finish(2);
    }

    @Test
    void anItemAbandonedToALifoQueueIsTheNextOneTaken() {
        assertEquals(List.of("a", "c", "b"), run(givesBack(new LifoQueue<>(), "a", List.of("b", "c"))));
        steps.finish(2);
    }

    @Test
    void anItemAbandonedToAPriorityQueueGoesBeforeItemsOfEqualPriority() {
        List<Job> out = run(givesBack(new PriorityQueue<>(0, Job.BY_PRIORITY), new Job(1, "a"),
                List.of(new Job(2, "b"), new Job(1, "c"), new Job(0, "d"))));
        assertEquals(List.of("d", "a", "c", "b"), out.stream().map(Job::name).toList());
        steps.finish(2);
    }

    @Async
    Task<Void> cancelsAWaitingProducer() {
        Queue<String> q = new Queue<>(1);
        q.putNowait("x");
        Task<Void> first = createTask(failsWith(CancellationException.class, () -> q.put("a"), 1, 4));
        Task<Void> second = createTask(putsOne(q, "b", 0, 2, 5));
        await(sleep(0));
        steps.expect(3, "cancel the first producer");
        first.cancel();
        assertEquals("x", q.getNowait());
        await(second);
        steps.expect(6);
        assertTrue(first.isCancelled());
        assertEquals("b", q.getNowait());
        q.taskDone();
        q.taskDone();
        assertTrue(q.join().isDone());
        assertThrows(IllegalStateException.class, q::taskDone, "the cancelled put was counted");
        return done();
    }

    @Test
    void aProducerCancelledWhileWaitingPutsNothing() {
        run(cancelsAWaitingProducer());
        steps.finish(6);
    }

    /** Ordered by priority only, so that items of equal priority show the order they were put in. */
    record Job(int priority, String name) {
        static final Comparator<Job> BY_PRIORITY = Comparator.comparingInt(Job::priority);
    }

    static <T> List<T> drain(Queue<T> q, List<T> items) {
        items.forEach(q::putNowait);
        return drain(q);
    }

    static <T> List<T> drain(Queue<T> q) {
        List<T> out = new ArrayList<>();
        while (!q.empty()) {
            out.add(q.getNowait());
        }
        return out;
    }

    @Test
    void aPriorityQueueGivesTheSmallestFirstAndEqualOnesInTheOrderTheyWerePut() {
        assertEquals(List.of(1, 1, 3, 4, 5), drain(new PriorityQueue<>(), List.of(5, 1, 4, 1, 3)));
        List<Job> jobs = List.of(new Job(2, "a"), new Job(1, "b"), new Job(2, "c"), new Job(1, "d"),
                new Job(0, "e"), new Job(2, "f"));
        List<Job> out = drain(new PriorityQueue<>(0, Job.BY_PRIORITY), jobs);
        assertEquals(List.of("e", "b", "d", "a", "c", "f"), out.stream().map(Job::name).toList());
    }

    @Test
    void aPriorityQueueOrdersByItsComparator() {
        PriorityQueue<String> byLength = new PriorityQueue<>(0, Comparator.comparingInt(String::length));
        assertEquals(List.of("a", "d", "bb", "ee", "ccc"), drain(byLength, List.of("ccc", "a", "bb", "d", "ee")));
    }

    @Test
    void aLifoQueueGivesTheItemPutLastFirst() {
        assertEquals(List.of("c", "b", "a"), drain(new LifoQueue<>(), List.of("a", "b", "c")));
    }

    @Async
    Task<Void> produces(Queue<Integer> q, int first, int step, int end) {
        for (int item = first; item < end; item += step) {
            await(q.put(item));
        }
        return done();
    }

    @Async
    Task<Integer> consumes(Queue<Integer> q, List<Integer> taken, int every) {
        int[] lastOfProducer = {-1, -1, -1};
        while (true) {
            int item;
            try {
                item = await(q.get());
            } catch (QueueShutDownException e) {
                return done(taken.size());
            }
            assertTrue(item > lastOfProducer[item % 3], "one producer's items came out of order");
            lastOfProducer[item % 3] = item;
            taken.add(item);
            if (taken.size() % every == 0) {
                await(sleep(0));
            }
            q.taskDone();
        }
    }

    @Async
    Task<Void> pipeline() {
        Queue<Integer> q = new Queue<>(2);
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        Task<Integer> c1 = createTask(consumes(q, first, 3));
        Task<Integer> c2 = createTask(consumes(q, second, 7));
        await(gather(produces(q, 0, 3, 1000), produces(q, 1, 3, 1000), produces(q, 2, 3, 1000)));
        await(q.join());
        q.shutdown();
        assertEquals(1000, await(c1) + await(c2));
        assertTrue(!first.isEmpty() && !second.isEmpty(), "a consumer got nothing");
        TreeSet<Integer> all = new TreeSet<>(first);
        all.addAll(second);
        assertEquals(1000, all.size(), "an item was lost or taken twice");
        assertEquals(List.of(0, 999), List.of(all.first(), all.last()));
        return done();
    }

    @Test
    void threeProducersAndTwoConsumersMoveAThousandItemsWithNoneLostOrDuplicated() {
        run(pipeline());
    }
}
