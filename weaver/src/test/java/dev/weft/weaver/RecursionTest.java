package dev.weft.weaver;

import dev.weft.weaver.validation.Targets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Recursive @Async methods: a fan-out (fib) and a deep chain of awaiters. */
class RecursionTest {
    private static final String T = "Recursion";
    private final Targets targets = new Targets();

    @Test
    void asyncFibonacciOfFifteenAwaitingItself() throws Throwable {
        assertEquals(610, targets.call(T, "fibSync", 15));
        assertEquals(610, targets.run(T, "fib", 15));
        assertEquals(1973, targets.call(T, "callsSoFar"));   // 2 * fib(16) - 1 calls
    }

    @Test
    void asyncFibonacciWithTheFirstOperandOnTheStackAtTheSecondAwait() throws Throwable {
        assertEquals(610L, targets.run(T, "fibOnStack", 15));
    }

    @Test
    void recursionTwoThousandDeepWithASuspensionAtTheBottom() throws Throwable {
        assertEquals(2000L * 2001 / 2, targets.run(T, "deep", 2000));
    }

    @Test
    void recursionTwoThousandDeepKeepsEveryFramesLocals() throws Throwable {
        assertEquals("2000/1500/1000/500/", targets.run(T, "deepWithLocals", 2000, ""));
    }
}
