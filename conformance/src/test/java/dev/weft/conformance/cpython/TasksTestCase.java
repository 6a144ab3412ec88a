package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.Queue;
import dev.weft.Task;

import java.io.PrintWriter;
import java.io.StringWriter;

import static dev.weft.Weft.done;

/**
 * What the ports of {@code test_tasks.py}'s {@code BaseTaskTests} share. Most of those cases drive the loop from the
 * test itself ({@code loop.run_until_complete(t)} on a task made before, {@code test_utils.run_briefly(loop)} in
 * between), so these helpers work on an {@link EventLoop} the test holds rather than through {@link #runVirtual}.
 *
 * <p>Weft has no public {@code Future} yet. Where a case only needs "a pending task the test completes or cancels by
 * hand", a pending {@link Queue#get()} stands in for {@code loop.create_future()}: it is a real Weft task, pending
 * until {@code putNowait(v)} (asyncio's {@code set_result(v)}), and {@code cancel()} cancels it.
 */
abstract class TasksTestCase extends AsyncioTestCase {

    /** CPython's {@code test_utils.run_briefly(loop)}: runs the loop until a task ending at its first step is done. */
    static void runBriefly(EventLoop loop) {
        loop.runUntilComplete(once());
    }

    @Async
    static Task<Void> once() {
        return done();
    }

    /** A pending get of {@code queue}, made on {@code loop}: the stand-in for {@code loop.create_future()}. */
    static <T> Task<T> pendingGet(EventLoop loop, Queue<T> queue) {
        return loop.runUntilComplete(getOf(queue));
    }

    @Async
    static <T> Task<Task<T>> getOf(Queue<T> queue) {
        return done(queue.get());
    }

    /** The line after the caller's: where the caller's next statement stands. */
    static int nextLine() {
        return new Throwable().getStackTrace()[1].getLineNumber() + 1;
    }

    /** Everything {@code printStackTrace} would print for {@code failure}: its frames, causes and suppressed ones. */
    static String traceOf(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
