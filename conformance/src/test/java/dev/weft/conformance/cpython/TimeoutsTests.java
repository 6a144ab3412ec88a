package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.AsyncTimeoutException;
import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.Timeout;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.currentTask;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.timeout;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * CPython's {@code TimeoutTests} (test_timeouts.py): {@code async with asyncio.timeout(t) as cm} is
 * {@code try (Timeout cm = timeout(d))} in an {@link Async} method. Two adaptations run through the file, both forced
 * by try-with-resources, which cannot replace an exception on its way out of the block: where CPython's code inside
 * the block sees the expiry as a {@code CancelledError}, Weft's sees the {@link AsyncTimeoutException} itself, thrown
 * at the pending await; and a handler inside an enclosing scope tells its own scope's expiry from an outer one's by
 * {@link Timeout#expired()} (in CPython an outer expiry passes an inner scope as a {@code CancelledError}).
 * Python's {@code __context__} (the exception being handled when another was raised) has no Java counterpart, so
 * those assertions are left out; the {@code __cause__} ones are kept as {@link Throwable#getCause()}.
 * {@code ZeroDivisionError} is Java's {@link ArithmeticException}, {@code KeyError} {@link NoSuchElementException},
 * {@code ValueError} {@link IllegalArgumentException}, {@code RuntimeError} {@link IllegalStateException}.
 */
class TimeoutsTests extends AsyncioTestCase {

    private static int zero;

    /** Python's {@code 1/0}. */
    private static int divideByZero() {
        return 1 / zero;
    }

    @Async
    Task<Void> timeoutBasic() {
        Timeout cm = timeout(Duration.ofMillis(10));
        try (cm) {
            await(sleep(10_000));
            fail("the scope did not expire");
        } catch (AsyncTimeoutException expected) {
            // as CPython's assertRaises(TimeoutError)
        }
        assertTrue(cm.expired());
        return done();
    }

    @Test
    void test_timeout_basic() {
        runVirtual(timeoutBasic());
    }

    private boolean cancelled;
    private boolean raised;
    private Timeout cm2;

    /**
     * Adapted: two scopes opened at the same virtual time with the same delay stand for {@code timeout_at(deadline)}
     * (the same deadline exactly); what leaves the inner scope is an AsyncTimeoutException, not a CancelledError.
     */
    @Async
    Task<Void> nestedTimeouts() {
        Timeout cm1 = timeout(Duration.ofMillis(10));
        try (cm1) {
            try {
                Timeout inner = timeout(Duration.ofMillis(10));
                cm2 = inner;
                try (inner) {
                    await(sleep(10_000));
                }
            } catch (AsyncTimeoutException | CancellationException e) {
                cancelled = true;
                throw e;
            }
        } catch (AsyncTimeoutException expected) {
            raised = true;
        }
        assertTrue(raised, "no AsyncTimeoutException out of the outer scope");
        assertTrue(cancelled);
        assertTrue(cm1.expired());
        assertTrue(cm2.expired());
        return done();
    }

    @Test
    void test_nested_timeouts() {
        runVirtual(nestedTimeouts());
    }

    /** Adapted: the waiter sees the expiry as the AsyncTimeoutException, which then leaves the block. */
    @Async
    Task<Void> waiterCancelled() {
        try (Timeout t = timeout(Duration.ofMillis(10))) {
            try {
                await(sleep(10_000));
            } catch (AsyncTimeoutException e) {
                cancelled = true;
                throw e;
            }
        } catch (AsyncTimeoutException expected) {
            raised = true;
        }
        assertTrue(raised, "no AsyncTimeoutException out of the scope");
        assertTrue(cancelled);
        return done();
    }

    @Test
    void test_waiter_cancelled() {
        runVirtual(waiterCancelled());
    }

    @Async
    Task<Void> foreignExceptionPassed() {
        Timeout cm = timeout(Duration.ofMillis(10));
        try (cm) {
            throw new NoSuchElementException();
        } catch (NoSuchElementException expected) {
            // as CPython's assertRaises(KeyError)
        }
        assertFalse(cm.expired());
        return done();
    }

    @Test
    void test_foreign_exception_passed() {
        runVirtual(foreignExceptionPassed());
    }

    /**
     * Adapted: the finally's await is cut short by the expiry. CPython's timeout error is caused by the
     * CancelledError; the ZeroDivisionError it was raised while handling is a {@code __context__}, which Java lacks
     * (Java's finally discards the ArithmeticException).
     */
    @Async
    Task<Void> timeoutExceptionContext() {
        try (Timeout t = timeout(Duration.ofMillis(10))) {
            try {
                divideByZero();
            } finally {
                await(sleep(1000));
            }
        } catch (AsyncTimeoutException e) {
            Throwable e2 = e.getCause();
            assertInstanceOf(CancellationException.class, e2, "the cause of the timeout");
            assertNull(e2.getCause());
            return done();
        }
        fail("no AsyncTimeoutException");
        return done();
    }

    @Test
    void test_timeout_exception_context() {
        runVirtual(timeoutExceptionContext());
    }

    @Async
    Task<Void> crash() {
        try {
            await(sleep(1000));
        } finally {
            divideByZero();
        }
        return done();
    }

    /** Adapted: the error raised in the cleanup escapes; what CPython finds in its {@code __context__} has no Java twin. */
    @Async
    Task<Void> foreignExceptionOnTimeout() {
        try (Timeout t = timeout(Duration.ofMillis(10))) {
            await(crash());
        } catch (ArithmeticException e) {
            assertNull(e.getCause());
            return done();
        }
        fail("no ArithmeticException");
        return done();
    }

    @Test
    void test_foreign_exception_on_timeout() {
        runVirtual(foreignExceptionOnTimeout());
    }

    /** Adapted as {@link #test_foreign_exception_on_timeout()}: the last error raised in the cleanups escapes. */
    @Async
    @SuppressWarnings("finally")
    Task<Void> foreignExceptionOnTimeout2() {
        try (Timeout t = timeout(Duration.ofMillis(10))) {
            try {
                try {
                    throw new IllegalArgumentException();
                } finally {
                    await(sleep(1000));
                }
            } finally {
                try {
                    throw new NoSuchElementException();
                } finally {
                    divideByZero();
                }
            }
        } catch (ArithmeticException e) {
            assertNull(e.getCause());
            return done();
        }
    }

    @Test
    void test_foreign_exception_on_timeout_2() {
        runVirtual(foreignExceptionOnTimeout2());
    }

    @Async
    Task<Void> foreignCancelNotExpired() {
        Timeout cm = timeout(Duration.ofSeconds(10));
        try (cm) {
            currentTask().cancel();
            await(sleep(10_000));
            fail("the task was not cancelled");
        } catch (CancellationException expected) {
            // as CPython's assertRaises(CancelledError)
        }
        assertFalse(cm.expired());
        return done();
    }

    @Test
    void test_foreign_cancel_doesnt_timeout_if_not_expired() {
        runVirtual(foreignCancelNotExpired());
    }

    @Async
    Task<Void> outer() {
        try (Timeout t = timeout(Duration.ofMillis(1))) {
            await(sleep(10_000));
            fail("the scope did not expire");
        } catch (AsyncTimeoutException expected) {
            // as CPython's assertRaises(TimeoutError)
        }
        return done();
    }

    @Async
    Task<Void> outerTaskIsNotCancelled() {
        Task<Void> task = createTask(outer());
        await(task);
        assertFalse(task.isCancelled());
        assertTrue(task.isDone());
        return done();
    }

    @Test
    void test_outer_task_is_not_cancelled() {
        runVirtual(outerTaskIsNotCancelled());
    }

    /** Real clock: the outer scope expires while the task blocks the loop inside the inner one. */
    @Async
    Task<Void> nestedTimeoutsConcurrent() throws InterruptedException {
        Timeout outer = timeout(Duration.ofMillis(2));
        try (outer) {
            Timeout inner = timeout(Duration.ofMillis(100));
            try (inner) {
                Thread.sleep(10);   // crunching numbers, the loop blocked
                await(sleep(1000));
                fail("no scope expired");
            } catch (AsyncTimeoutException e) {
                if (!inner.expired() || outer.expired()) {
                    throw e;   // not the inner scope's own: it goes on out
                }
            }
        } catch (AsyncTimeoutException expected) {
            raised = true;
        }
        assertTrue(raised, "no AsyncTimeoutException out of the outer scope");
        return done();
    }

    @Test
    void test_nested_timeouts_concurrent() throws InterruptedException {
        runReal(nestedTimeoutsConcurrent());
    }

    /**
     * Real clock: both deadlines pass while the loop is blocked; the outer scope's expiry must end the block. Adapted:
     * CPython's bound on the elapsed time (1 s) is widened to 5 s, still well short of the 10 s sleep it must cut.
     */
    @Async
    Task<Void> nestedTimeoutsLoopBusy() throws InterruptedException {
        EventLoop loop = EventLoop.current();
        loop.setSlowCallbackDuration(Duration.ofSeconds(10));
        double t0 = loop.time();
        Timeout outer = timeout(Duration.ofMillis(100));
        try (outer) {
            Timeout inner = timeout(Duration.ofMillis(10));
            try (inner) {
                Thread.sleep(100);   // the loop busy for a while
                await(sleep(1000));
                fail("no scope expired");
            } catch (AsyncTimeoutException e) {
                if (!inner.expired() || outer.expired()) {
                    throw e;   // not the inner scope's own: it goes on out
                }
            }
            await(sleep(10_000));   // the outer scope must cut this short
        } catch (AsyncTimeoutException expected) {
            raised = true;
        }
        double t1 = loop.time();
        assertTrue(raised, "no AsyncTimeoutException out of the outer scope");
        assertTrue(t0 <= t1 && t1 <= t0 + 5, "t0 " + t0 + ", t1 " + t1);
        return done();
    }

    @Test
    void test_nested_timeouts_loop_busy() throws InterruptedException {
        runReal(nestedTimeoutsLoopBusy());
    }

    private AsyncTimeoutException e2;

    /** Adapted: the causes are checked; the {@code __context__} links CPython also checks have no Java counterpart. */
    @Async
    Task<Void> nestedTimeoutInFinally() {
        AsyncTimeoutException e1 = null;
        try (Timeout t = timeout(Duration.ofMillis(10))) {
            try {
                await(sleep(1000));
            } finally {
                try (Timeout t2 = timeout(Duration.ofMillis(10))) {
                    await(sleep(10_000));
                    fail("the inner scope did not expire");
                } catch (AsyncTimeoutException e) {
                    e2 = e;
                }
            }
        } catch (AsyncTimeoutException e) {
            e1 = e;
        }
        assertNotNull(e1, "no AsyncTimeoutException out of the outer scope");
        Throwable e12 = e1.getCause();
        assertInstanceOf(CancellationException.class, e12, "the cause of the outer timeout");
        assertNull(e12.getCause());
        assertNotNull(e2, "no AsyncTimeoutException out of the inner scope");
        Throwable e22 = e2.getCause();
        assertInstanceOf(CancellationException.class, e22, "the cause of the inner timeout");
        assertNull(e22.getCause());
        return done();
    }

    @Test
    void test_nested_timeout_in_finally() {
        runVirtual(nestedTimeoutInFinally());
    }

    /** A task that swallowed a cancellation can still time out in its cleanup. */
    @Async
    Task<Void> timeoutAfterCancellation() {
        try {
            currentTask().cancel();
            await(sleep(1000));   // the work that is cancelled
        } catch (CancellationException ignored) {
            // swallowed, as CPython's test does
        } finally {
            try (Timeout t = timeout(Duration.ZERO)) {
                await(sleep(1000));   // the cleanup
                fail("the scope did not expire");
            } catch (AsyncTimeoutException expected) {
                // as CPython's assertRaises(TimeoutError)
            }
        }
        return done();
    }

    @Test
    void test_timeout_after_cancellation() {
        runVirtual(timeoutAfterCancellation());
    }

    @Async
    Task<Void> cancelInTimeoutAfterCancellation() {
        try {
            currentTask().cancel();
            await(sleep(1000));   // the work that is cancelled
        } catch (CancellationException ignored) {
            // swallowed, as CPython's test does
        } finally {
            try (Timeout t = timeout(Duration.ofSeconds(1))) {
                currentTask().cancel();
                await(sleep(2000));   // the cleanup
                fail("the task was not cancelled");
            } catch (CancellationException expected) {
                // as CPython's assertRaises(CancelledError)
            }
        }
        return done();
    }

    @Test
    void test_cancel_in_timeout_after_cancellation() {
        runVirtual(cancelInTimeoutAfterCancellation());
    }

    /** Adapted: Weft's scope has no separate enter, and is refused where no task runs (here a loop callback). */
    @Async
    Task<Void> timeoutWithoutTask() {
        Throwable[] refused = new Throwable[1];
        EventLoop.current().callSoon(() -> {
            try {
                timeout(Duration.ofMillis(10));
            } catch (IllegalStateException e) {
                refused[0] = e;
            }
        });
        await(sleep(0));
        assertInstanceOf(IllegalStateException.class, refused[0], "timeout() outside a task");
        return done();
    }

    @Test
    void test_timeout_without_task() {
        runVirtual(timeoutWithoutTask());
    }

    /** Adapted: asyncio's RuntimeError is IllegalStateException; Weft words the state "closed" (CPython "finished"). */
    @Async
    Task<Void> timeoutFinished() {
        Timeout cm = timeout(Duration.ofMillis(10));
        try (cm) {
            assertFalse(cm.expired());
        }
        assertThrows(IllegalStateException.class, () -> cm.reschedule(Duration.ofMillis(20)));
        return done();
    }

    @Test
    void test_timeout_finished() {
        runVirtual(timeoutFinished());
    }

    @Async
    Task<Void> timeoutExpired() {
        Timeout cm = timeout(Duration.ofMillis(10));
        try (cm) {
            await(sleep(1000));
            fail("the scope did not expire");
        } catch (AsyncTimeoutException expected) {
            // as CPython's assertRaises(TimeoutError)
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> cm.reschedule(Duration.ofMillis(20)));
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
        return done();
    }

    @Test
    void test_timeout_expired() {
        runVirtual(timeoutExpired());
    }

    /**
     * Adapted: inside the block the await sees the AsyncTimeoutException (CPython: CancelledError); rescheduling then is
     * refused with IllegalStateException, worded "expired" (CPython "expiring").
     */
    @Async
    Task<Void> timeoutExpiring() {
        Timeout cm = timeout(Duration.ofMillis(10));
        try (cm) {
            try {
                await(sleep(1000));
                fail("the scope did not expire");
            } catch (AsyncTimeoutException expected) {
                // the expiry, seen inside the block
            }
            assertThrows(IllegalStateException.class, () -> cm.reschedule(Duration.ofMillis(20)));
        }
        return done();
    }

    @Test
    void test_timeout_expiring() {
        runVirtual(timeoutExpiring());
    }
}
