package dev.weft.conformance;

import dev.weft.Async;
import dev.weft.Task;

import java.util.concurrent.CancellationException;

import static dev.weft.Weft.*;

/** What the interleaving tests share: their {@link Steps} and small coroutines that record or yield. */
abstract class InterleavingTest {
    protected final Steps steps = new Steps();

    /** Records step {@code step}. */
    @Async
    Task<Void> records(int step, String note) {
        steps.expect(step, note);
        return done();
    }

    /** Gives the loop {@code n} turns. */
    @Async
    Task<Void> yields(int n) {
        for (int i = 0; i < n; i++) {
            await(sleep(0));
        }
        return done();
    }

    /** Awaits {@code task}, which must end cancelled: any other outcome fails the test with that outcome. */
    @Async
    Task<Void> cancelledAsExpected(Task<?> task) {
        try {
            await(task);
        } catch (CancellationException e) {
            return done();
        }
        throw steps.unreachable(task + " completed without being cancelled");
    }
}
