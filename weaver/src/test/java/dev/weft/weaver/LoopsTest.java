package dev.weft.weaver;

import dev.weft.weaver.validation.Targets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** for, while, do-while and enhanced for loops with awaits in conditions, updates and bodies. */
class LoopsTest {
    private static final String T = "Loops";
    private final Targets targets = new Targets();

    @AllModes
    void forLoopWithAwaitsInInitConditionUpdateAndBody(int mode) throws Throwable {
        Object expected = targets.call(T, "forLoopSync");
        assertEquals("123456.0.18.32.42=720", expected);
        assertEquals(expected, targets.run(T, "forLoop", mode));
    }

    @AllModes
    void whileLoopWithAwaitInConditionRunsTheCollatzSequence(int mode) throws Throwable {
        Object expected = targets.call(T, "whileLoopSync");
        assertEquals(111, Integer.parseInt(((String) expected).split(":")[0]));
        assertEquals(expected, targets.run(T, "whileLoop", mode));
    }

    @AllModes
    void doWhileLoopWithAwaitInConditionAndBody(int mode) throws Throwable {
        Object expected = targets.call(T, "doWhileLoopSync");
        assertEquals("[83, 66, 49, 32, 15, -2]/5", expected);
        assertEquals(expected, targets.run(T, "doWhileLoop", mode));
    }

    @AllModes
    void enhancedForOverListArrayAndAwaitedIterable(int mode) throws Throwable {
        List<String> words = List.of("alpha", "be", "c");
        int[] numbers = {3, -4, 100000};
        Object expected = targets.call(T, "enhancedForSync", words, numbers);
        assertEquals("ALPHA BE C 521bcd|10000000025", expected);
        assertEquals(expected, targets.run(T, "enhancedFor", mode, words, numbers));
    }

    @AllModes
    void labeledBreakAndContinueLeaveTheRightLoops(int mode) throws Throwable {
        assertEquals(targets.call(T, "labeledBreakAndContinueSync"), targets.run(T, "labeledBreakAndContinue", mode));
    }

    @Test
    void labeledLoopTwinGivesTheHandComputedTrace() throws Throwable {
        assertEquals("0,10,11,20,21,22,30,31,[skip32]/40,41,42,/50,[break51]##count=7",
                targets.call(T, "labeledBreakAndContinueSync"));
    }

    @Test
    void thousandIterationsEachAwaitingASuspendingTask() throws Throwable {
        // sum of 0..999 plus 1000 ones, then * 100, plus 10 extra suspensions
        assertEquals((499500L + 1000L) * 100 + 10, targets.run(T, "thousandIterations"));
    }

    @AllModes
    void nestedLoopsOfThreeFormsWithALongAccumulator(int mode) throws Throwable {
        assertEquals(targets.call(T, "nestedLoopsSync"), targets.run(T, "nestedLoops", mode));
    }

    @Test
    void staticMethodWithoutArgumentsStartingWithAWhileLoopWeavesAndRuns() throws Throwable {
        assertEquals(5, targets.run("LoopAtEntry", "whileAtEntry"));
    }

    @Test
    void staticMethodWithAnArgumentStartingWithAWhileLoopWeavesAndRuns() throws Throwable {
        assertEquals(5, targets.run("LoopAtEntryWithArgument", "whileAtEntry", 5));
        assertEquals(0, targets.run("LoopAtEntryWithArgument", "whileAtEntryOnArgument", 5));
    }
}
