package dev.weft.weaver;

import dev.weft.weaver.validation.Targets;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checked and unchecked exceptions thrown by awaited tasks reach the awaiting code as the same instance. */
class FailuresTest {
    private static final String T = "Failures";
    private final Targets targets = new Targets();

    private Object thrown() throws ReflectiveOperationException {
        var field = targets.load(T).getDeclaredField("thrown");
        field.setAccessible(true);
        return field.get(null);
    }

    @Test
    void checkedIOExceptionFromAnAwaitedTaskIsCaughtByTypeAsTheSameInstance() throws Throwable {
        Object caught = targets.run(T, "catchesByType", 0);
        IOException e = assertInstanceOf(IOException.class, caught);
        assertEquals("io", e.getMessage());
        assertSame(thrown(), caught);
    }

    @Test
    void uncheckedIllegalArgumentFromAnAwaitedTaskIsCaughtByTypeAsTheSameInstance() throws Throwable {
        Object caught = targets.run(T, "catchesByType", 1);
        IllegalArgumentException e = assertInstanceOf(IllegalArgumentException.class, caught);
        assertEquals("iae", e.getMessage());
        assertSame(thrown(), caught);
    }

    @Test
    void customCheckedExceptionFromAnAwaitedTaskIsCaughtByTypeAsTheSameInstance() throws Throwable {
        Object caught = targets.run(T, "catchesByType", 2);
        assertEquals("CustomChecked", caught.getClass().getSimpleName());
        assertEquals("custom", ((Exception) caught).getMessage());
        assertSame(thrown(), caught);
    }

    @Test
    void failureOfATaskThatNeverSuspendedIsCaughtAsTheSameInstance() throws Throwable {
        Object caught = targets.run(T, "catchesByType", 3);
        assertInstanceOf(IllegalStateException.class, caught);
        assertSame(thrown(), caught);
    }

    @Test
    void catchBlockAwaitsAfterCatchingACustomCheckedFailure() throws Throwable {
        assertEquals("catch custom 14", targets.run(T, "catchAwaitsAndContinues"));
    }

    @Test
    void uncaughtCheckedFailurePropagatesThroughAChainOfAwaitersToRun() throws Throwable {
        IOException e = assertThrows(IOException.class, () -> targets.run(T, "propagatesThrough", 20));
        assertEquals("deep", e.getMessage());
        assertSame(thrown(), e);
    }

    @Test
    void taskThatFailedBeforeBeingAwaitedGivesTheSameInstance() throws Throwable {
        Object[] result = (Object[]) targets.run(T, "failedEarlier");
        assertEquals(true, result[0]);
        assertInstanceOf(IllegalArgumentException.class, result[1]);
        assertSame(thrown(), result[1]);
    }

    @Test
    void failureEscapesThroughAFinallyThatAwaits() throws Throwable {
        List<String> log = new ArrayList<>();
        Exception e = assertThrows(Exception.class, () -> targets.run(T, "escapesAfterFinally", log));
        assertEquals("CustomChecked", e.getClass().getSimpleName());
        assertSame(thrown(), e);
        assertEquals(List.of("before", "finally f"), log);
        assertTrue(e.getSuppressed().length == 0);
    }
}
