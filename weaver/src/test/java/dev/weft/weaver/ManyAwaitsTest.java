package dev.weft.weaver;

import dev.weft.weaver.validation.Targets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Thirty awaits in one method with locals of mixed types live across them. */
class ManyAwaitsTest {
    private static final String T = "ManyAwaits";
    private final Targets targets = new Targets();

    @AllModes
    void thirtyAwaitsAddToARunningSumWithMixedLocalsLive(int mode) throws Throwable {
        assertEquals(targets.call(T, "thirtyAwaitsSync"), targets.run(T, "thirtyAwaits", mode));
    }

    @Test
    void thirtyAwaitsTwinGivesTheHandComputedSum() throws Throwable {
        String sync = (String) targets.call(T, "thirtyAwaitsSync");
        assertEquals("1,2147483649,3,4,5,6.5,7.25,true,9,10,11,2147483661,13.0,14,15.0,16,17,18,91,20",
                sync.substring(sync.indexOf('|') + 1));
        double expected = 1 + 2147483649.0 + 3 + 4 + 5 + 6.5 + 7.25 + 8 + 9 + 10 + 11 + 12 + 13.0 + 14 + 15.0 + 16
                + 17 + 18 + (91 - 72) + 20 + 21 + 22 + 23 + 24 + 25 + 26 + 27 + 28 + 29 + 30;
        assertEquals(String.valueOf(expected), sync.substring(0, sync.indexOf('|')));
    }
}
