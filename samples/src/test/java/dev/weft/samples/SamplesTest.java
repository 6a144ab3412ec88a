package dev.weft.samples;

import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.Weft;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each sample prints what its asyncio original prints, in the same order and with the same timing shape. Samples with
 * timers run on a virtual-time loop, so their order is exact and their elapsed time is the sum of the waits that
 * really follow one another, which is what "timing shape" means: {@link SlowAndFast} takes 5 seconds, not 8.
 */
class SamplesTest {

    interface Main {
        void run() throws Exception;
    }

    /** Standard output of {@code main}, line by line. */
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

    /** What a sample's main coroutine printed, and how long it took, in virtual seconds. */
    static final class Run {
        final List<String> lines;
        final double seconds;

        Run(List<String> lines, double seconds) {
            this.lines = lines;
            this.seconds = seconds;
        }
    }

    static Run virtual(Supplier<Task<?>> main) throws Exception {
        EventLoop[] loop = new EventLoop[1];
        List<String> lines = output(() -> Weft.run(main.get(), () -> loop[0] = EventLoop.newVirtualTimeLoop()));
        return new Run(lines, loop[0].time());
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
        Run run = virtual(SlowAndFast::getResults);
        assertEquals(List.of("starting slow add", "starting fast add", "result ready for fast add",
                "result ready for slow add", "7 10"), run.lines);
        assertEquals(5.0, run.seconds, 1e-9);
    }

    @Test
    void slowAndFastOnTheRealClockTakeAboutFiveSeconds() throws Exception {
        long start = System.nanoTime();
        List<String> lines = output(() -> SlowAndFast.main(new String[0]));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("7 10", lines.get(lines.size() - 1));
        assertTrue(seconds >= 5.0 && seconds < 7.9, "took " + seconds + " s: should be 5, and 8 if sequential");
    }

    @Test
    void gatherOverCoroutinesKeepsInputOrder() throws Exception {
        assertEquals(List.of("[5, 9, 10, 9]"), virtual(GatherCoroutines::getResults).lines);
    }

    @Test
    void gatherOverTasksKeepsInputOrder() throws Exception {
        assertEquals(List.of("[5, 9, 10, 9]"), virtual(GatherTasks::getResults).lines);
    }

    @Test
    void asCompletedGivesEachResultAsItIsReady() throws Exception {
        assertEquals(List.of("5", "9", "10", "9"), virtual(AsCompletedResults::getResults).lines);
    }

    @Test
    void waitForGivesTheResultInTimeAndTheFallbackWhenLate() throws Exception {
        Run fast = virtual(() -> WaitForFallback.getResults(() -> 1));
        assertEquals(List.of("7"), fast.lines);
        assertEquals(1.0, fast.seconds, 1e-9);
        Run late = virtual(() -> WaitForFallback.getResults(() -> 4));
        assertEquals(List.of("fallback payload"), late.lines);
        assertEquals(3.0, late.seconds, 1e-9);
    }

    @Test
    void twoCoroutinesTickTogetherForTenSeconds() throws Exception {
        Run run = virtual(TwoCoroutines::main);
        assertEquals(List.of("coro1()", "coro2()", "coro1()", "coro1()", "coro2()", "coro1()", "coro1()", "coro2()",
                "coro2()", "coro2()"), run.lines);
        assertEquals(10.0, run.seconds, 1e-9);
    }

    @Test
    void cancellingATaskStopsItAtItsPendingAwait() throws Exception {
        Run run = virtual(CancelTask::main);
        assertEquals(List.of("coro1()", "coro2()", "coro1()", "coro1()", "coro1 cancelled", "coro2()",
                "task1 cancelled: true, task2 done: true"), run.lines);
        assertEquals(4.0, run.seconds, 1e-9);
    }

    @Test
    void toThreadReadsInputWhileTheOthersTick() throws Exception {
        List<String> printed = Collections.synchronizedList(new ArrayList<>());
        InputStream saved = System.in;
        // Types "Hello world" once both tickers have printed all their lines, as the tutorial's user did.
        System.setIn(new InputStream() {
            private final byte[] line = "Hello world\n".getBytes(StandardCharsets.UTF_8);
            private int next;

            @Override
            public int read() {
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (next == 0 && ticks() < 10 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                return next < line.length ? line[next++] : -1;
            }

            private long ticks() {
                synchronized (printed) {
                    return printed.stream().filter(l -> l.contains("coro")).count();
                }
            }
        });
        PrintStream savedOut = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new java.io.OutputStream() {
            private final StringBuilder current = new StringBuilder();

            @Override
            public synchronized void write(int b) {
                bytes.write(b);
                if (b == '\n') {
                    printed.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append((char) b);
                }
            }
        }, true, StandardCharsets.UTF_8));
        try {
            Weft.run(ToThreadInput.main(), EventLoop::newVirtualTimeLoop);
        } finally {
            System.setOut(savedOut);
            System.setIn(saved);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.split("Type something: ", -1).length - 1, text);
        assertEquals(List.of("coro1()", "coro2()", "coro1()", "coro1()", "coro2()", "coro1()", "coro1()", "coro2()",
                "coro2()", "coro2()", "Your input is:  Hello world"),
                text.replace("Type something: ", "").lines().toList());
    }

    @Test
    void producersWaitOnAFullQueueAndConsumersShareTheWork() throws Exception {
        Run run = virtual(ProducerConsumer::main);
        List<String> lines = run.lines;
        assertEquals("all processed", lines.get(lines.size() - 1));
        for (int i = 1; i <= 6; i++) {
            String item = "item-" + i;
            assertEquals(1, lines.stream().filter(l -> l.equals("put " + item)).count(), lines.toString());
            assertEquals(1, lines.stream().filter(l -> l.endsWith("processed " + item)).count(), lines.toString());
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("consumer A")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("consumer B")), lines.toString());
        // Two consumers taking 0.1 s per item: 6 items take 0.3 s, not 0.6 s.
        assertEquals(0.3, run.seconds, 1e-9);
        // Back-pressure: item-5 cannot be put before the first item was processed.
        assertTrue(lines.indexOf("put item-5") > lines.indexOf("consumer A processed item-1"), lines.toString());
    }
}
