package dev.weft.conformance.cpython;

import dev.weft.Async;
import dev.weft.Task;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.done;
import static dev.weft.Weft.gather;
import static dev.weft.Weft.gatherOutcomes;
import static dev.weft.Weft.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** CPython's {@code BaseTaskTests} cases of cancelling a gather. */
class TaskFunctionsGatherTests extends TaskFunctionsSupport {
    private Boolean cancelResult;

    @Async
    Task<Integer> childCoro(Gate<Integer> fut) {
        return done(await(fut.task));
    }

    @Async
    Task<Task<List<Integer>>> create(Gate<Integer> fut) {
        return done(createTask(gather(childCoro(fut))));
    }

    /** A gather whose children are all done refuses to be cancelled, even before it has completed itself. */
    @Test
    void test_cancel_gather_1() {
        Gate<Integer> fut = new Gate<>(loop);
        Task<List<Integer>> gatherTask = loop.runUntilComplete(create(fut));
        fut.task.addDoneCallback(t -> cancelResult = gatherTask.cancel());
        fut.setResult(42);
        loop.runUntilComplete(gatherTask);
        assertEquals(false, cancelResult);
        assertFalse(gatherTask.isCancelled());
        assertEquals(List.of(42), gatherTask.result());
    }

    @Async
    Task<Void> gathersInALoop() {
        double time = 0;
        while (true) {
            time += 0.05;
            await(gatherOutcomes(sleep(50)));
            if (time > 1) {
                return done();
            }
        }
    }

    @Async
    Task<Void> cancelsTheGatherer() {
        Task<Void> qwe = createTask(gathersInALoop());
        await(sleep(200));
        qwe.cancel();
        await(qwe);
        return done();
    }

    /**
     * Cancelling a task suspended in a gather (with return_exceptions) reaches its awaiter as a cancellation. Adapted:
     * the subcases without a message are one case in Java; those with a message need {@code task.cancel(String)}.
     */
    @Test
    void test_cancel_gather_2() {
        assertThrows(CancellationException.class, () -> loop.runUntilComplete(cancelsTheGatherer()));
    }
}
