package dev.weft.weaver;

import dev.weft.Weft;
import dev.weft.Task;
import dev.weft.weaver.validation.Targets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Async lambdas: a lambda whose interface method returns Task may await, woven as an @Async method. */
class AsyncLambdasTest {
    private static final String T = "AsyncLambdas";
    private final Targets targets = new Targets();

    @AllModes
    void aLambdaPassedToAHelperAwaitsAndReturnsItsValue(int mode) throws Throwable {
        assertEquals(42, targets.run(T, "callInAsync", mode));
    }

    @AllModes
    void aLambdaMadeInAPlainMethodAwaitsWhenItsTaskRuns(int mode) throws Throwable {
        assertEquals("got ab", Weft.run((Task<?>) targets.call(T, "madeInPlainMethod", mode)));
    }

    @AllModes
    void computeIfAbsentWithAnAwaitingLambdaMakesEachTaskOnce(int mode) throws Throwable {
        assertEquals("20 30 20 2", targets.run(T, "computeIfAbsent", mode));
    }

    @AllModes
    void aLambdaCapturingThisLocalsLongAndDoubleKeepsThemAcrossAwaits(int mode) throws Throwable {
        assertEquals("obj/2/1000000000001/1.0/2 obj/3/1000000000001/1.5/5 5", targets.run(T, "capturing", mode));
    }

    @AllModes
    void nestedAsyncLambdasWithALoopATryAndAFailure(int mode) throws Throwable {
        assertEquals("0,10,two,30,", targets.run(T, "nested", mode));
    }

    @AllModes
    void anAsyncLambdasBodyRunsWhenItsTaskStarts(int mode) throws Throwable {
        assertEquals("[called, body] 1", targets.run(T, "asyncLambdaRunsWhenStarted", mode));
    }

    @Test
    void aLambdaThatReturnsATaskWithoutAwaitingRunsAsWritten() throws Throwable {
        assertEquals("[body, called] true", targets.call(T, "plainTaskLambdaRunsWhenCalled"));
    }

    @AllModes
    void anAwaitingLambdaInCodeJavacDroppedAsDeadIsWovenNotRefused(int mode) throws Throwable {
        assertEquals(7, targets.run(T, "lambdaInDeadCode", mode));
    }
}
