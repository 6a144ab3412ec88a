package dev.weft.weaver;

import dev.weft.weaver.validation.Targets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Awaits with operands below them on the operand stack, and NEW/DUP pairs straddling awaits. */
class StackOperandsTest {
    private static final String T = "StackOperands";
    private final Targets targets = new Targets();

    @AllModes
    void arithmeticOperandsBelowAwaitsKeepTheirValues(int mode) throws Throwable {
        assertEquals(targets.call(T, "arithmeticSync"), targets.run(T, "arithmetic", mode));
    }

    @Test
    void arithmeticTwinGivesTheHandComputedValue() throws Throwable {
        // r = 7 + 5*3 = 22; r = 22 - 2*11 = 0; r += (25 - 1) << 2 = 96; s = 21 - (6 - 2) = 17
        assertEquals(96017, targets.call(T, "arithmeticSync"));
    }

    @AllModes
    void awaitsInsideMethodCallArgumentListsPassEveryArgument(int mode) throws Throwable {
        Object expected = targets.call(T, "callArgumentsSync");
        assertEquals("1:2:s/10:20:t30/4:5:u|1099511627776|2.5|obj/6/99sbx1true/[b, a, null]", expected);
        assertEquals(expected, targets.run(T, "callArguments", mode));
    }

    @AllModes
    void awaitsInsideStringConcatenationKeepEveryPiece(int mode) throws Throwable {
        Object expected = targets.call(T, "concatenationSync");
        assertEquals("pre42A-5:70.25q3.5postnullz-9223372036854775808|tail42", expected);
        assertEquals(expected, targets.run(T, "concatenation", mode));
    }

    @AllModes
    void awaitsInTernariesTakeTheRightBranchWhenTrue(int mode) throws Throwable {
        assertEquals("1,50,smallT,35,2.0,str", targets.call(T, "ternariesSync", true));
        assertEquals(targets.call(T, "ternariesSync", true), targets.run(T, "ternaries", mode, true));
    }

    @AllModes
    void awaitsInTernariesTakeTheRightBranchWhenFalse(int mode) throws Throwable {
        assertEquals("2,100,bigF,55,-1.0,5", targets.call(T, "ternariesSync", false));
        assertEquals(targets.call(T, "ternariesSync", false), targets.run(T, "ternaries", mode, false));
    }

    @AllModes
    void awaitsInArrayInitializersIndexesAndCompoundAssignments(int mode) throws Throwable {
        assertEquals(targets.call(T, "arraysSync"), targets.run(T, "arrays", mode));
    }

    @AllModes
    void compoundAssignmentToStaticFieldAcrossAwaits(int mode) throws Throwable {
        assertEquals(32, targets.run(T, "compoundStaticField", mode));
    }

    @AllModes
    void newDupStraddlingTwoAwaitsBuildsThePair(int mode) throws Throwable {
        assertEquals("Pair[first=1, second=two]", String.valueOf(targets.run(T, "newPair", mode)));
    }

    @AllModes
    void nestedNewStraddlingAwaitsBuildsBothObjects(int mode) throws Throwable {
        assertEquals("Outer[inner=Inner[value=5], extra=6]", String.valueOf(targets.run(T, "nestedNew", mode)));
    }

    @AllModes
    void stringBuilderChainsWithAwaitedArguments(int mode) throws Throwable {
        Object expected = targets.call(T, "builderChainSync");
        assertEquals("x1/init-2.0/qrs", expected);
        assertEquals(expected, targets.run(T, "builderChain", mode));
    }

    @AllModes
    void constructorArgumentWithTernaryContainingAwaitWhenTrue(int mode) throws Throwable {
        Object expected = targets.call(T, "newWithTernaryArgumentSync", true);
        assertEquals("Pair[first=yes, second=3];Inner[value=11];Pair[first=Inner[value=7], second=1]", expected);
        assertEquals(expected, targets.run(T, "newWithTernaryArgument", mode, true));
    }

    @AllModes
    void constructorArgumentWithTernaryContainingAwaitWhenFalse(int mode) throws Throwable {
        Object expected = targets.call(T, "newWithTernaryArgumentSync", false);
        assertEquals("Pair[first=no, second=3];Inner[value=-1];Pair[first=never, second=2]", expected);
        assertEquals(expected, targets.run(T, "newWithTernaryArgument", mode, false));
    }

    @AllModes
    void constructorsWithWideArgumentsAndNewInsideCallsAndLoops(int mode) throws Throwable {
        assertEquals(targets.call(T, "newWithWideArgumentsSync"), targets.run(T, "newWithWideArguments", mode));
    }

    @AllModes
    void relocatedConstructorsRunOnceEachAfterTheirArguments(int mode) throws Throwable {
        assertEquals("Pair[first=Counted(a)#2, second=Counted(bc)#2] created=2",
                targets.run(T, "constructorRunsOnceAfterArguments", mode));
    }
}
