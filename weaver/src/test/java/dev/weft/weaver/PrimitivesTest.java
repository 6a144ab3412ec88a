package dev.weft.weaver;

import dev.weft.weaver.validation.Targets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Values of every primitive kind, arrays and references live across awaits, in locals and on the stack. */
class PrimitivesTest {
    private static final String T = "Primitives";
    private final Targets targets = new Targets();

    @AllModes
    void extremeValuesOfEveryPrimitiveKindSurviveAwaitsBitForBit(int mode) throws Throwable {
        Object expected = targets.call(T, "extremesSurviveSync");
        assertEquals("true,-128,65535,-32768,-2147483648,-9223372036854775808,7fc00000,8000000000000000;"
                + "false,127,0,32767,2147483647,9223372036854775807,80000000,7fefffffffffffff;"
                + "7fffffffffffffff,7ff8000000000000,7fc01234,7ff8000000abcdef,-Infinity,1,1", expected);
        assertEquals(expected, targets.run(T, "extremesSurvive", mode));
    }

    @AllModes
    void everyPrimitiveKindUpdatedWithAwaitedValuesInALoop(int mode) throws Throwable {
        assertEquals(targets.call(T, "updatedWithAwaitedValuesSync"), targets.run(T, "updatedWithAwaitedValues", mode));
    }

    @AllModes
    void longAndDoubleOperandsBelowAnAwaitKeepTheirValues(int mode) throws Throwable {
        Object expected = targets.call(T, "wideValuesOnTheStackSync");
        assertEquals("9223372036854775804,6.0,-9223372036854774825,66.0,-2147483648,-9223372036854775808,true,"
                + "1.7976931348623157E308,-9223372036854775808,true,true,2305843009213693952,4476", expected);
        assertEquals(expected, targets.run(T, "wideValuesOnTheStack", mode));
    }

    @AllModes
    void arraysNullsAndMergedReferenceTypesSurviveAwaitsWhenTrue(int mode) throws Throwable {
        assertEquals(targets.call(T, "arraysAndReferencesSync", true), targets.run(T, "arraysAndReferences", mode, true));
    }

    @AllModes
    void arraysNullsAndMergedReferenceTypesSurviveAwaitsWhenFalse(int mode) throws Throwable {
        Object expected = targets.call(T, "arraysAndReferencesSync", false);
        assertEquals("[true, true][127][x, y][32767][2147483647, -2147483640][-9223372036854775808][NaN, -0.0]"
                + "[-0.0, 1.7976931348623157E308][s, t][[1, two], [c]]true,none,6,3str", expected);
        assertEquals(expected, targets.run(T, "arraysAndReferences", mode, false));
    }

    @AllModes
    void primitiveArgumentsOfEveryKindSurviveAwaits(int mode) throws Throwable {
        assertEquals("false,-1,48879,-2,-3,-4,ffc00000,8000000000000000",
                targets.run(T, "primitiveArguments", mode, false, (byte) -1, (char) 0xBEEF, (short) -2, -3,
                        -4L, Float.intBitsToFloat(0xffc00000), -0.0));
    }

    @Test
    void primitiveArgumentsWithMaximumValues() throws Throwable {
        assertEquals("true,127,65535,32767,2147483647,9223372036854775807,7f7fffff,7fefffffffffffff",
                targets.run(T, "primitiveArguments", Modes.ALTERNATE, true, Byte.MAX_VALUE, Character.MAX_VALUE,
                        Short.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Float.MAX_VALUE, Double.MAX_VALUE));
    }
}
