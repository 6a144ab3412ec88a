package dev.weft.conformance.stress;

import dev.weft.Async;
import dev.weft.AsyncTimeoutException;
import dev.weft.Outcome;
import dev.weft.ReturnWhen;
import dev.weft.Task;
import dev.weft.Timeout;
import dev.weft.WaitResult;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.*;

/**
 * Awaits a contended operation through a {@link Via}, as a careful user would: the task returned completes with the
 * operation's value if and only if the grant (a lock, a permit, an item, a put that went in) is the caller's; it fails
 * with {@link CancellationException} or {@link AsyncTimeoutException} when it is not.
 *
 * <p>The rule the runtime is held to, whatever the wrapper: if the wrapper completed with the grant and the awaiting
 * task was cancelled before it resumed, the runtime passes the grant on (to the next waiter, back to the queue), and
 * the await throws. What the user must do is only what asyncio asks of a user too: {@code shield}, {@code waitTasks}
 * and {@code asCompleted} let the operation go on when they themselves are cancelled or answer first (that is their
 * contract), so after such an ending the caller withdraws the operation itself (cancels it) and, if it was granted
 * meanwhile, gives the grant back with {@code giveBack}. Nothing else here compensates for the runtime.
 */
final class Through {
    private Through() {
    }

    /** Gives back what an operation granted when no one took it: release the lock, count the item, and so on. */
    interface GiveBack<T> {
        void accept(T granted);
    }

    /**
     * The await of {@code op} through {@code via}. {@code timeoutMillis} bounds it for the ways that take a timeout
     * (negative: none; wait_for and the scope then get an hour). For {@link Via#GATHER_WITH_SIBLING} the sibling is a
     * sleep of {@code timeoutMillis % 3} ms, or 1 ms when there is no timeout.
     */
    static <T> Task<T> via(Via via, Task<T> op, long timeoutMillis, GiveBack<T> giveBack) {
        if (op.isDone()) {
            // Granted at the call (a free lock, room in the queue): it never waited, so there is no grant in flight
            // for a wrapper to lose, and a wrapper that could still be cancelled afterwards (a gather waiting for its
            // sibling) would end in CancellationException over a grant no runtime can take back. A careful user
            // awaits such an operation directly; it does not suspend.
            return op;
        }
        Duration limit = Duration.ofMillis(timeoutMillis < 0 ? 3_600_000 : timeoutMillis);
        switch (via) {
            case DIRECT:
                return op;
            case WAIT_FOR:
                return waitFor(op, limit);
            case SHIELD:
                return shielded(op, giveBack);
            case GATHER:
                return first(gather(op));
            case GATHER_WITH_SIBLING:
                return withSibling(op, sleep(timeoutMillis < 0 ? 1 : timeoutMillis % 3));
            case GATHER_OUTCOMES:
                return outcomeOf(op);
            case WAIT_TASKS:
                return waited(op, timeoutMillis, giveBack);
            case AS_COMPLETED:
                return firstCompleted(op, timeoutMillis, giveBack);
            case TIMEOUT_SCOPE:
                return scoped(op, limit);
            default:
                throw new AssertionError(via);
        }
    }

    /**
     * Withdraws an operation a wrapper left running: cancelled while it still waits, it takes nothing; if it was
     * granted meanwhile, the grant is the caller's, and goes back through {@code giveBack}.
     */
    static <T> void withdraw(Task<T> op, GiveBack<T> giveBack) {
        if (op.cancel() || op.isCancelled()) {
            return;
        }
        T granted;
        try {
            granted = op.result();
        } catch (RuntimeException failed) {
            return;   // failed (a queue shut down): nothing was granted
        }
        giveBack.accept(granted);
    }

    @Async
    static <T> Task<T> shielded(Task<T> op, GiveBack<T> giveBack) {
        Task<T> shield = shield(op);
        try {
            return done(await(shield));
        } catch (CancellationException e) {
            if (shield.isCancelled()) {
                withdraw(op, giveBack);   // the shield ended first; op went on, as shield promises
            }
            throw e;
        }
    }

    @Async
    static <T> Task<T> first(Task<List<T>> gathered) {
        return done(await(gathered).get(0));
    }

    @Async
    @SuppressWarnings("unchecked")
    static <T> Task<T> withSibling(Task<T> op, Task<Void> sibling) {
        List<Object> both = await(gather(op, sibling));
        return done((T) both.get(0));
    }

    @Async
    static <T> Task<T> outcomeOf(Task<T> op) {
        Outcome<T> outcome = await(gatherOutcomes(op)).get(0);
        if (!outcome.isSuccess()) {
            throw rethrown(outcome.exception());
        }
        return done(outcome.value());
    }

    @Async
    static <T> Task<T> waited(Task<T> op, long timeoutMillis, GiveBack<T> giveBack) {
        Task<WaitResult<T>> waiting = timeoutMillis < 0 ? waitTasks(List.of(op), ReturnWhen.FIRST_COMPLETED)
                : waitTasks(List.of(op), ReturnWhen.ALL_COMPLETED, Duration.ofMillis(timeoutMillis));
        try {
            await(waiting);
        } catch (CancellationException e) {
            if (waiting.isCancelled()) {
                withdraw(op, giveBack);   // waitTasks never cancels what it waits for
            }
            throw e;
        }
        if (!op.isDone()) {
            withdraw(op, giveBack);       // answered at its timeout: op still waits, and is withdrawn at once
            throw new AsyncTimeoutException("waitTasks answered with the operation still pending");
        }
        return done(op.result());
    }

    @Async
    static <T> Task<T> firstCompleted(Task<T> op, long timeoutMillis, GiveBack<T> giveBack) {
        Iterator<Task<T>> it = (timeoutMillis < 0 ? asCompleted(List.of(op))
                : asCompleted(List.of(op), Duration.ofMillis(timeoutMillis))).iterator();
        Task<T> next = it.next();
        try {
            return done(await(next));
        } catch (CancellationException e) {
            if (next != op && next.isCancelled()) {
                withdraw(op, giveBack);   // the placeholder was cancelled; asCompleted lets op go on
            }
            throw e;
        } catch (AsyncTimeoutException e) {
            withdraw(op, giveBack);       // asCompleted timed out; its inputs are not cancelled
            throw e;
        }
    }

    @Async
    static <T> Task<T> scoped(Task<T> op, Duration limit) {
        try (Timeout t = timeout(limit)) {
            return done(await(op));
        }
    }

    private static RuntimeException rethrown(Throwable t) {
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new IllegalStateException(t);
    }
}
