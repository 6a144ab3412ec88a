package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.AsyncTimeoutException;
import dev.weft.ReturnWhen;
import dev.weft.Task;
import dev.weft.WaitResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.weft.Weft.asCompleted;
import static dev.weft.Weft.await;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.waitTasks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CPython's {@code BaseTaskTests} cases of {@code asyncio.as_completed}. Weft's {@code asCompleted} is a plain
 * {@code Iterable}; the subtests CPython runs a second time with {@code async for} have no Java form. CPython's
 * {@code asyncio.sleep(d, result)} is {@link #after}, and its {@code loop.advance_time} is not needed: the virtual
 * clock moves to the next timer by itself.
 */
class TaskFunctionsAsCompletedTests extends TaskFunctionsSupport {
    private final Set<String> completed = new HashSet<>();

    @Async
    Task<String> sleeper(long millis, String x) {
        await(sleep(millis));
        completed.add(x);
        return done(x);
    }

    @Async
    Task<List<String>> tryIterator(List<Task<String>> awaitables) {
        List<String> values = new ArrayList<>();
        for (Task<String> f : asCompleted(awaitables)) {
            values.add(await(f));
        }
        return done(values);
    }

    @Test
    void test_as_completed() {
        Task<String> a = sleeper(10, "a");
        Task<String> b = sleeper(10, "b");
        Task<String> c = sleeper(150, "c");
        List<String> res = loop.runUntilComplete(tryIterator(List.of(b, c, a)));
        assertTime(0.15, loop);
        assertTrue(res.subList(0, 2).contains("a"));
        assertTrue(res.subList(0, 2).contains("b"));
        assertEquals("c", res.get(2));
    }

    @Async
    Task<List<Object>> collectsWithATimeout(Task<String> a, Task<String> b) {
        List<Object> values = new ArrayList<>();
        for (Task<String> f : asCompleted(List.of(a, b), Duration.ofMillis(120))) {
            try {
                String v = await(f);
                values.add(List.of(1, v));
            } catch (AsyncTimeoutException exc) {
                values.add(List.of(2, exc));
            }
        }
        return done(values);
    }

    @Test
    void test_as_completed_with_timeout() {
        Task<String> a = loop.createTask(after(100, "a"));
        Task<String> b = loop.createTask(after(150, "b"));
        List<Object> res = loop.runUntilComplete(collectsWithATimeout(a, b));
        assertEquals(2, res.size(), res.toString());
        assertEquals(List.of(1, "a"), res.get(0));
        List<?> second = (List<?>) res.get(1);
        assertEquals(2, second.get(0));
        assertInstanceOf(AsyncTimeoutException.class, second.get(1));
        assertTime(0.12, loop);

        loop.runUntilComplete(waitTasks(List.of(a, b), ReturnWhen.ALL_COMPLETED));
    }

    @Async
    Task<Void> unusedTimeout(Task<String> a) {
        for (Task<String> f : asCompleted(List.of(a), Duration.ofSeconds(1))) {
            String v = await(f);
            assertEquals("a", v);
        }
        return done();
    }

    @Test
    void test_as_completed_with_unused_timeout() {
        loop.runUntilComplete(unusedTimeout(after(10, "a")));
    }

    @Async
    Task<List<Integer>> resumesTheIteration(List<Task<Integer>> awaitables) {
        int iterations = 0;
        Iterable<Task<Integer>> iterator = asCompleted(awaitables);
        List<Integer> collected = new ArrayList<>();
        for (Task<Integer> f : iterator) {
            collected.add(await(f));
            iterations += 1;
            if (iterations == 2) {
                break;
            }
        }
        assertEquals(2, collected.size());
        // A second loop over the same iterable goes on where the first stopped.
        for (Task<Integer> f : iterator) {
            collected.add(await(f));
        }
        return done(collected);
    }

    @Test
    void test_as_completed_resume_iterator() {
        List<Integer> results = loop.runUntilComplete(
                resumesTheIteration(List.of(after(0, 0), after(0, 1), after(0, 2), after(0, 3))));
        assertEquals(Set.of(0, 1, 2, 3), new HashSet<>(results));
        assertEquals(4, results.size());
    }

    @Async
    Task<Void> awaitsInReverse(Task<String> a, Task<String> b) {
        List<Task<String>> futs = new ArrayList<>();
        asCompleted(List.of(a, b)).forEach(futs::add);
        assertEquals(2, futs.size());

        String x = await(futs.get(1));
        assertEquals("a", x);
        assertTime(0.05, loop);
        String y = await(futs.get(0));
        assertEquals("b", y);
        assertTime(0.10, loop);
        return done();
    }

    /** The first of the given-out tasks to be awaited gets the first input to finish, whatever its place. */
    @Test
    void test_as_completed_reverse_wait() {
        loop.runUntilComplete(awaitsInReverse(after(50, "a"), after(100, "b")));
    }

    @Async
    Task<Void> awaitsAllAtOnce(Task<String> a, Task<String> b) {
        List<Task<String>> futs = new ArrayList<>();
        asCompleted(List.of(a, b)).forEach(futs::add);
        assertEquals(2, futs.size());
        WaitResult<String> r = await(waitTasks(futs, ReturnWhen.ALL_COMPLETED));
        assertEquals(Set.of("a", "b"), r.done().stream().map(Task::result).collect(Collectors.toSet()));
        return done();
    }

    @Test
    void test_as_completed_concurrent() {
        loop.runUntilComplete(awaitsAllAtOnce(after(50, "a"), after(50, "b")));
    }

    @Async
    Task<String> echo(String s) {
        return done(s);
    }

    @Async
    Task<List<String>> duplicates() {
        List<String> result = new ArrayList<>();
        Task<String> c = echo("ham");
        for (Task<String> f : asCompleted(List.of(c, c, echo("spam")))) {
            result.add(await(f));
        }
        return done(result);
    }

    /** The same coroutine given twice is run once and given out once. */
    @Test
    void test_as_completed_duplicate_coroutines() {
        Task<List<String>> fut = loop.createTask(duplicates());
        loop.runUntilComplete(fut);
        List<String> result = fut.result();
        assertEquals(Set.of("ham", "spam"), new HashSet<>(result));
        assertEquals(2, result.size());
    }

    @Async
    Task<Integer> fortyTwo() {
        return done(42);
    }

    /** Adapted: asyncio's RuntimeError is Weft's IllegalStateException. */
    @Test
    void test_as_completed_coroutine_without_loop() {
        Task<Integer> a = fortyTwo();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> asCompleted(List.of(a)));
        assertTrue(e.getMessage().contains("no running event loop"), e.getMessage());
    }

    @Async
    Task<Void> usesTheRunningLoop() {
        List<Task<Integer>> futs = new ArrayList<>();
        asCompleted(List.of(fortyTwo())).forEach(futs::add);
        assertEquals(1, futs.size());
        assertEquals(42, await(futs.get(0)));
        return done();
    }

    @Test
    void test_as_completed_coroutine_use_running_loop() {
        loop.runUntilComplete(usesTheRunningLoop());
    }
}
