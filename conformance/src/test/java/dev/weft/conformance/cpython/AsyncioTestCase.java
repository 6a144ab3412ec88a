package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.Weft;

import java.util.ArrayList;
import java.util.List;

import static dev.weft.Weft.await;
import static dev.weft.Weft.done;
import static dev.weft.Weft.sleep;

/**
 * What the ports of CPython's {@code Lib/test/test_asyncio} share. Each subclass ports the cases of one CPython
 * {@code TestCase} class; each test method carries the CPython test's own name (snake case kept, so a case can be
 * found from either side), and keeps its assertions: values, the order of events, exception types.
 *
 * <p>CPython's {@code test_utils.TestLoop} and its fake clock become {@link EventLoop#newVirtualTimeLoop()}: timers
 * fire in order at their virtual times, so {@code loop.time()} can be asserted exactly, as CPython does.
 * CPython's {@code self.loop.run_until_complete(main())} becomes {@link #runVirtual(Task)} or
 * {@link #runReal(Task)}.
 */
abstract class AsyncioTestCase {
    /** What CPython's tests collect in a local {@code result = []}: the order in which things happened. */
    protected final List<Object> events = new ArrayList<>();

    /** Runs {@code main} to completion on a fresh virtual-time loop, as CPython's tests do on their test loop. */
    protected static <T> T runVirtual(Task<T> main) {
        return Weft.run(main, EventLoop::newVirtualTimeLoop);
    }

    /** Runs {@code main} on a fresh loop with the real clock: for cases that need threads or sockets. */
    protected static <T> T runReal(Task<T> main) {
        return Weft.run(main);
    }

    /** Gives the loop {@code n} turns: CPython's {@code for _ in range(n): await asyncio.sleep(0)}. */
    @Async
    protected Task<Void> yields(int n) {
        for (int i = 0; i < n; i++) {
            await(sleep(0));
        }
        return done();
    }
}
