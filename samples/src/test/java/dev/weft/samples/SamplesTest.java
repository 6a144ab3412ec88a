package dev.weft.samples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each sample prints what its asyncio original prints, in the same order and with the same timing shape. */
class SamplesTest {

    interface Main {
        void run() throws Exception;
    }

    static List<String> output(Main main) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void runUntilCompletePrints7() throws Exception {
        assertEquals(List.of("7"), output(() -> RunUntilComplete.main(new String[0])));
    }

    @Test
    void twoRunsOnOneLoopPrint7Then10() throws Exception {
        assertEquals(List.of("7", "10"), output(() -> TwoRunsOneLoop.main(new String[0])));
    }

    @Test
    void getResultsOnARunForeverLoopPrints7And10ThenStops() throws Exception {
        assertEquals(List.of("7 10"), output(() -> GetResults.main(new String[0])));
        assertTrue(GetResults.LOOP.isClosed());
    }

    @Test
    void asyncioRunPrints7And10() throws Exception {
        assertEquals(List.of("7 10"), output(() -> AsyncioRun.main(new String[0])));
    }

    @Test
    void slowAndFastRunConcurrentlySoTheyTakeTheLongerDelayNotTheSum() throws Exception {
        // SECOND is read once; the test runs with -Dweft.samples.second=200 (see the pom): 5 units = 1 s, 8 = 1.6 s.
        long unit = SlowAndFast.SECOND;
        long start = System.nanoTime();
        List<String> lines = output(() -> SlowAndFast.main(new String[0]));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of("starting slow add", "starting fast add", "result ready for fast add",
                "result ready for slow add", "7 10"), lines);
        assertTrue(elapsedMillis >= 5 * unit, "finished early: " + elapsedMillis + " ms");
        assertTrue(elapsedMillis < 8 * unit, "ran sequentially: " + elapsedMillis + " ms");
    }
}
