package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.await;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CPython's {@code BaseTaskTests} cases of cancelling {@code asyncio.sleep}. */
class TaskFunctionsSleepTests extends TaskFunctionsSupport {

    /**
     * Cancelling a sleeping task takes its timer out. Adapted: CPython catches the timer handle by replacing
     * {@code loop.call_later}; Weft's sleep is its own timer entry, so the case checks what the removal shows: the
     * sleep ends cancelled at once, its ten seconds never pass on the virtual clock.
     */
    @Test
    void test_sleep_cancel() {
        Task<Void> t = loop.createTask(sleep(10_000));
        runBriefly(loop);
        assertFalse(t.isDone());
        t.cancel();
        runBriefly(loop);
        assertTrue(t.isCancelled());
        assertTime(0, loop);
    }

    @Async
    Task<Void> sleepsFor(long millis) {
        await(sleep(millis));
        return done();
    }

    @Async
    Task<String> doit() {
        Task<Void> sleeper = loop.createTask(sleepsFor(5_000_000));
        loop.callLater(Duration.ofMillis(100), sleeper::cancel);
        try {
            await(sleeper);
        } catch (CancellationException e) {
            return done("cancelled");
        }
        return done("slept in");
    }

    @Test
    void test_task_cancel_sleeping_task() {
        assertEquals("cancelled", loop.runUntilComplete(doit()));
        assertTime(0.1, loop);
    }
}
