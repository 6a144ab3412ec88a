package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.AsyncTimeoutException;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.done;
import static dev.weft.Weft.shield;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** CPython's {@code WaitForShieldTests} (test_waitfor.py): {@code wait_for} over {@code shield}. */
class WaitForShieldTests extends AsyncioTestCase {

    @Async
    Task<String> sleepsThenDone(long millis) {
        await(sleep(millis));
        return done("done");
    }

    /** With timeout 0 the shield is cancelled at once; the task it wraps goes on in the background. */
    @Async
    Task<Void> zeroTimeout() {
        Task<String> task = createTask(sleepsThenDone(10));
        Task<String> shieldedTask = shield(task);
        try {
            await(waitFor(shieldedTask, Duration.ZERO));
            fail("no AsyncTimeoutException");
        } catch (AsyncTimeoutException expected) {
            // as CPython's assertRaises(TimeoutError)
        }

        assertFalse(task.isDone());
        assertFalse(task.isCancelled());
        assertTrue(shieldedTask.isCancelled());

        await(sleep(100));
        assertTrue(task.isDone());
        return done();
    }

    @Test
    void test_zero_timeout() {
        runVirtual(zeroTimeout());
    }

    @Async
    Task<Void> shieldedTimeout() {
        Task<String> task = createTask(sleepsThenDone(100));
        try {
            await(waitFor(shield(task), Duration.ofMillis(10)));
            fail("no AsyncTimeoutException");
        } catch (AsyncTimeoutException expected) {
            // as CPython's assertRaises(TimeoutError)
        }

        assertFalse(task.isDone());
        assertFalse(task.isCancelled());
        assertEquals("done", await(task));
        return done();
    }

    @Test
    void test_shielded_timeout() {
        runVirtual(shieldedTimeout());
    }
}
