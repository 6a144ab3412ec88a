package dev.weft.weaver;

import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.weaver.validation.Targets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** design.md §3 on woven code, with the interleavings asserted step by step. */
class LifecycleTest {
    private final Targets targets = new Targets();
    private List<String> steps;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void steps() throws Exception {
        steps = (List<String>) targets.load("Lifecycle").getField("STEPS").get(null);
        steps.clear();
    }

    @Test
    void callingAnAsyncMethodRunsNoneOfItsBody() throws Throwable {
        Task<?> task = targets.task("Lifecycle", "recorded", "direct", 1);
        assertFalse(task.isDone());
        assertEquals(List.of(), steps);
        assertEquals(0, Weft.run(targets.task("Lifecycle", "callsWithoutAwaiting")));
        assertEquals(List.of("after call"), steps);
    }

    @Test
    void awaitingATaskThatHasNotStartedRunsItInlineWithNoTripThroughTheLoop() throws Throwable {
        assertEquals(5, targets.run("Lifecycle", "awaitRunsChildInline"));
        assertEquals(List.of("1 parent", "2 child runs", "3 parent resumes", "callback", "5 parent after yield"),
                steps);
    }

    @Test
    void awaitingDoneTasksNeverSuspends() throws Throwable {
        assertEquals(4950, targets.run("Lifecycle", "awaitOnDoneTaskDoesNotSuspend"));
        assertEquals(List.of("loop over", "callback"), steps);
    }

    @Test
    void cancelThrowsAtThePendingAwaitAndRunsFinally() throws Throwable {
        List<String> log = new ArrayList<>();
        assertEquals("cancelled", targets.run("Lifecycle", "cancelsSleeper", log));
        assertEquals(List.of("sleeping", "cancel", "cancelled at await", "finally",
                "awaiter saw cancellation; cancelled=true"), log);
    }

    @Test
    void aTaskMayCatchCancellationAndGoOn() throws Throwable {
        List<String> log = new ArrayList<>();
        assertEquals("survived", targets.run("Lifecycle", "cancelsOneThatGoesOn", log));
        assertEquals(List.of("caught", "went on"), log);
    }

    @Test
    void cancellingATaskCancelsTheChainItAwaitsInnermostFirst() throws Throwable {
        List<String> log = new ArrayList<>();
        assertEquals("chain cancelled", targets.run("Lifecycle", "cancelsChain", log));
        assertEquals(List.of("sleeping", "cancelled at await", "finally", "outer finally"), log);
    }

    @Test
    void aTaskCancelledBeforeItStartsNeverRunsItsBody() throws Throwable {
        assertEquals("true []", targets.run("Lifecycle", "cancelledBeforeStart", new ArrayList<String>()));
    }

    @Test
    void completionStageCompletedOnAnotherThreadResumesOnTheLoopThread() throws Throwable {
        assertEquals(true, targets.run("Lifecycle", "resumesOnLoopThread"));
    }

    @Test
    void returningATaskCompletesWithItsOutcome() throws Throwable {
        assertEquals(9, targets.run("Lifecycle", "returnsUnstartedTask"));
        assertEquals(List.of("tail runs"), steps);
    }

    @Test
    void returningNullFailsWithAClearMessage() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> targets.run("Lifecycle", "returnsNull"));
        assertTrue(e.getMessage().contains("dev.weft.weaver.targets.Lifecycle.returnsNull returned null"),
                e.getMessage());
    }
}
