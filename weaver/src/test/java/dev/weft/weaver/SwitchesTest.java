package dev.weft.weaver;

import dev.weft.weaver.validation.Targets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Switch statements and expressions on int, String and enum with awaits in selectors and cases. */
class SwitchesTest {
    private static final String T = "Switches";
    private static final int[] INT_KEYS = {1, 2, 3, 4, 7, 1000, -5, 0, Integer.MIN_VALUE};
    private static final String[] STRING_KEYS = {"alpha", "Aa", "BB", "", "other", "AaBB"};
    private final Targets targets = new Targets();

    private Object[] colors() {
        return targets.load("Switches$Color").getEnumConstants();
    }

    @AllModes
    void intSwitchStatementWithFallThroughAndAwaitsInSelectorAndCases(int mode) throws Throwable {
        for (int key : INT_KEYS) {
            assertEquals(targets.call(T, "intStatementSync", key), targets.run(T, "intStatement", mode, key),
                    "key " + key);
        }
    }

    @Test
    void intSwitchStatementTwinGivesTheHandComputedValues() throws Throwable {
        assertEquals("onetwo;", targets.call(T, "intStatementSync", 1));
        assertEquals("400;", targets.call(T, "intStatementSync", 4));
        assertEquals("default7;S", targets.call(T, "intStatementSync", 7));
        assertEquals("default-5;neg", targets.call(T, "intStatementSync", -5));
    }

    @AllModes
    void stringSwitchStatementIncludingHashCollisions(int mode) throws Throwable {
        for (String key : STRING_KEYS) {
            assertEquals(targets.call(T, "stringStatementSync", key), targets.run(T, "stringStatement", mode, key),
                    "key " + key);
        }
        assertEquals("Aa2", targets.run(T, "stringStatement", mode, "Aa"));
        assertEquals("BB3", targets.run(T, "stringStatement", mode, "BB"));
    }

    @AllModes
    void enumSwitchStatementWithFallThrough(int mode) throws Throwable {
        for (Object color : colors()) {
            assertEquals(targets.call(T, "enumStatementSync", color), targets.run(T, "enumStatement", mode, color),
                    "color " + color);
        }
        assertEquals("RED=11", targets.run(T, "enumStatement", mode, colors()[0]));
        assertEquals("BLACK=3000", targets.run(T, "enumStatement", mode, colors()[3]));
    }

    @AllModes
    void intSwitchExpressionWithYieldAndALongOperandBelow(int mode) throws Throwable {
        for (int key : INT_KEYS) {
            assertEquals(targets.call(T, "intExpressionSync", key), targets.run(T, "intExpression", mode, key),
                    "key " + key);
        }
        assertEquals((1L << 40) + 14 + ":k2", targets.run(T, "intExpression", mode, 2));
    }

    @AllModes
    void stringSwitchExpressionWithYield(int mode) throws Throwable {
        for (String key : STRING_KEYS) {
            assertEquals(targets.call(T, "stringExpressionSync", key), targets.run(T, "stringExpression", mode, key),
                    "key " + key);
        }
        assertEquals("BB->63", targets.run(T, "stringExpression", mode, "BB"));
    }

    @AllModes
    void enumSwitchExpressionWithYield(int mode) throws Throwable {
        for (Object color : colors()) {
            assertEquals(targets.call(T, "enumExpressionSync", color), targets.run(T, "enumExpression", mode, color),
                    "color " + color);
        }
        assertEquals("c:blue4/4.0", targets.run(T, "enumExpression", mode, colors()[2]));
    }

    @AllModes
    void switchExpressionsAsConstructorAndCallArguments(int mode) throws Throwable {
        for (int key : new int[]{1, 2}) {
            assertEquals(targets.call(T, "switchExpressionAsArgumentSync", key),
                    targets.run(T, "switchExpressionAsArgument", mode, key), "key " + key);
        }
        assertEquals("Pair[first=many2, second=2]|2:20:z", targets.run(T, "switchExpressionAsArgument", mode, 2));
    }
}
