package dev.weft.weaver;

import dev.weft.weaver.validation.Targets;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Awaiting CompletableFutures completed on other threads, and awaiting tasks that are already done. */
class FuturesTest {
    private static final String T = "Futures";
    private final Targets targets = new Targets();

    private Object field(String name) throws ReflectiveOperationException {
        var field = targets.load(T).getDeclaredField(name);
        field.setAccessible(true);
        return field.get(null);
    }

    @Test
    void futureCompletedOnAnotherThreadResumesOnTheLoopThread() throws Throwable {
        assertEquals("value=from-thread done=true", targets.run(T, "awaitsFutureFromOtherThread"));
        Thread before = (Thread) field("before");
        assertSame(Thread.currentThread(), before);   // Weft.run runs the loop on the calling thread
        assertSame(before, field("after"));
        assertNotSame(before, field("completer"));
    }

    @Test
    void futureFailedOnAnotherThreadIsCaughtUnwrappedAsTheSameInstance() throws Throwable {
        Object caught = targets.run(T, "awaitsFailedFuture");
        assertFalse(caught instanceof CompletionException);
        assertSame(field("remoteFailure"), caught);
        assertSame(field("before"), field("after"));
    }

    @Test
    void futureFailedOnAnotherThreadWithACheckedExceptionIsCaughtUnwrapped() throws Throwable {
        Object caught = targets.run(T, "awaitsFutureFailedWithChecked");
        assertEquals("RemoteChecked", caught.getClass().getSimpleName());
        assertSame(field("remoteChecked"), caught);
    }

    @Test
    void supplyAsyncFailureWrappedInCompletionExceptionIsUnwrapped() throws Throwable {
        Object caught = targets.run(T, "awaitsSupplyAsyncFailure");
        assertFalse(caught instanceof CompletionException);
        assertSame(field("remoteFailure"), caught);
    }

    @Test
    void tenFuturesCompletedOnOtherThreadsAwaitedWithALongOnTheStack() throws Throwable {
        assertEquals(123456789L, targets.run(T, "manyFutures"));
    }

    @Test
    void awaitingDoneTasksReturnsWithoutLettingOtherTasksRun() throws Throwable {
        List<Object> result = (List<Object>) targets.run(T, "doneTasksDoNotSuspend");
        assertEquals(Arrays.asList(7, true, 5, 0, 7, 0, "cf", 0, 8, 0, 0), result);
    }
}
