package dev.weft.weaver;

import dev.weft.weaver.validation.Targets;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** try/catch/finally and try-with-resources with awaits in every part; the order of events is checked. */
class TryCatchTest {
    private static final String T = "TryCatch";
    private final Targets targets = new Targets();

    @AllModes
    void awaitsInTryCatchAndFinallyOnTheNormalPath(int mode) throws Throwable {
        Object expected = targets.call(T, "awaitsInAllThreeSync", false);
        assertEquals(List.of("try 1", "try end ok", "finally 2", "finally end", "after 2"), expected);
        assertEquals(expected, targets.run(T, "awaitsInAllThree", mode, false));
    }

    @AllModes
    void exceptionThrownAfterAnAwaitIsCaughtAndTheCatchAndFinallyAwait(int mode) throws Throwable {
        Object expected = targets.call(T, "awaitsInAllThreeSync", true);
        assertEquals(List.of("try 1", "catch boom2", "catch awaited 20", "finally 3", "finally end", "after 3"),
                expected);
        assertEquals(expected, targets.run(T, "awaitsInAllThree", mode, true));
    }

    @AllModes
    void nestedTryBlocksRunCatchesAndFinallysInOrder(int mode) throws Throwable {
        for (int failAt = 0; failAt <= 3; failAt++) {
            assertEquals(targets.call(T, "nestedTrySync", failAt), targets.run(T, "nestedTry", mode, failAt),
                    "failAt " + failAt);
        }
    }

    @AllModes
    void nestedTryRethrowFromInnermostCatchReachesTheOuterCatch(int mode) throws Throwable {
        assertEquals(List.of("outer try", "inner try 1", "innermost catch innermost!", "innermost finally",
                        "inner finally 2", "outer catch rethrown innermost cause true", "outer finally 3"),
                targets.run(T, "nestedTry", mode, 2));
    }

    @AllModes
    void finallyWithAwaitRunsOnContinueBreakAndReturn(int mode) throws Throwable {
        List<String> log = new ArrayList<>();
        assertEquals("returned 7", targets.run(T, "finallyOnEveryExit", mode, log));
        assertEquals(List.of("i=0", "finally 0 f", "i=1", "finally 1 f", "i=2", "finally 2 f", "returning",
                "finally return 7"), log);
    }

    @AllModes
    void finallyWithAwaitRunsBeforeAnExceptionLeavesTheMethod(int mode) throws Throwable {
        List<String> log = new ArrayList<>();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> targets.run(T, "finallyThenPropagates", mode, log));
        assertEquals("escapes", e.getMessage());
        assertEquals(List.of("try", "finally 1", "finally end"), log);
    }

    @AllModes
    void tryWithResourcesClosesInReverseOrderAfterAwaitsInTheBody(int mode) throws Throwable {
        Object expected = targets.call(T, "tryWithResourcesSync", false, false);
        assertEquals(List.of("open a", "open b", "body 1", "body end 2", "close b", "close a", "finally"), expected);
        assertEquals(expected, targets.run(T, "tryWithResources", mode, false, false));
    }

    @AllModes
    void tryWithResourcesClosesBeforeTheCatchWhenTheBodyFailsAfterAwaits(int mode) throws Throwable {
        Object expected = targets.call(T, "tryWithResourcesSync", true, false);
        assertEquals(List.of("open a", "open b", "body 1", "close b", "close a",
                "caught body failed suppressed 0 x", "finally"), expected);
        assertEquals(expected, targets.run(T, "tryWithResources", mode, true, false));
    }

    @AllModes
    void tryWithResourcesAddsAFailingCloseAsSuppressed(int mode) throws Throwable {
        Object expected = targets.call(T, "tryWithResourcesSync", true, true);
        assertEquals(List.of("open a", "open b", "body 1", "close b", "close a",
                "caught body failed suppressed 1 x", "finally"), expected);
        assertEquals(expected, targets.run(T, "tryWithResources", mode, true, true));
    }

    @AllModes
    void tryWithResourcesReportsAFailingCloseAfterANormalBody(int mode) throws Throwable {
        Object expected = targets.call(T, "tryWithResourcesSync", false, true);
        assertEquals(List.of("open a", "open b", "body 1", "body end 2", "close b", "close a",
                "caught close b failed suppressed 0 x", "finally"), expected);
        assertEquals(expected, targets.run(T, "tryWithResources", mode, false, true));
    }

    @AllModes
    void exceptionAfterAwaitCaughtInsideALoopEveryIteration(int mode) throws Throwable {
        assertEquals("div0,12,6,div0,12,6,caught=2", targets.run(T, "catchInLoop", mode));
    }

    @AllModes
    void wideLocalsAssignedInTryAndCatchSurviveAwaitsInTheCatch(int mode) throws Throwable {
        // (MAX - 1) + (long) -Infinity + 6 = (MAX - 1) + MIN + 6 = 4
        assertEquals(4L, targets.run(T, "valuesLiveAcrossCatch", mode));
    }
}
