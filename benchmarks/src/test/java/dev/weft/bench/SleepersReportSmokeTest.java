package dev.weft.bench;

import dev.weft.bench.sleepers.SleepersReport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The heap harness with a small number of tasks: every runtime's child JVM runs and wakes every task. */
class SleepersReportSmokeTest {
    @Test
    void everyRuntimeWakesEveryTask() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            SleepersReport.main(new String[] {"2000", "1000"});
        } finally {
            System.setOut(stdout);
        }
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        lines.forEach(stdout::println);
        assertEquals(Runtime.version().feature() >= 21 ? 5 : 3, lines.size());
        for (String line : lines) {
            assertTrue(line.contains(" tasks=2000 woken=2000 "), line);
            assertTrue(line.contains("valid=true"), line);
        }
    }
}
