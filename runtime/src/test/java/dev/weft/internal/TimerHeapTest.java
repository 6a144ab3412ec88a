package dev.weft.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimerHeapTest {

    private static final class Tagged implements Runnable {
        final long deadline;
        final int order;

        Tagged(long deadline, int order) {
            this.deadline = deadline;
            this.order = order;
        }

        @Override
        public void run() {
        }
    }

    @Test
    void pollsInDeadlineThenInsertionOrderWithRandomCancellations() {
        Random random = new Random(42);
        TimerHeap heap = new TimerHeap(new Loop());
        List<Tagged> expected = new ArrayList<>();
        List<TimerHeap.Timer> timers = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Tagged t = new Tagged(random.nextInt(500), i);
            timers.add(heap.add(t.deadline, t));
            expected.add(t);
        }
        for (int i = 0; i < 3_000; i++) {
            int victim = random.nextInt(timers.size());
            timers.get(victim).cancel();
            expected.remove(timers.get(victim).action);
            timers.remove(victim);
        }
        expected.sort(Comparator.<Tagged>comparingLong(t -> t.deadline).thenComparingInt(t -> t.order));
        ArrayDeque<Runnable> out = new ArrayDeque<>();
        for (long now = 0; now < 500; now += 7) {
            heap.pollDue(now, out);
            for (Runnable r : out) {
                assertTrue(((Tagged) r).deadline <= now, "fired early");
            }
        }
        heap.pollDue(1_000, out);
        assertEquals(expected, new ArrayList<>(out));
        assertTrue(heap.isEmpty());
    }
}
