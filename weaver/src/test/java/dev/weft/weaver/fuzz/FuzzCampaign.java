package dev.weft.weaver.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the programs of consecutive seeds in batches of {@link #BATCH} (one compilation unit each: javac's cost is
 * mostly per unit) on a few threads, each with its own {@link DifferentialRunner}. Programs are independent, so the
 * result does not depend on the number of threads.
 */
final class FuzzCampaign {
    /** What a campaign found, and how many programs agreed with their twins by returning and by throwing. */
    record Result(List<DifferentialRunner.Finding> findings, int returned, int threw) {
    }

    static final int BATCH = 20;
    private static final int PROGRESS_EVERY = 1000;

    private FuzzCampaign() {
    }

    /**
     * Runs seeds {@code first} to {@code first + count - 1}, printing the seed of each finding as it comes and progress
     * every thousand programs.
     */
    static Result run(long first, int count, int threads) {
        List<DifferentialRunner> runners = Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<DifferentialRunner> runner = ThreadLocal.withInitial(() -> {
            DifferentialRunner r = new DifferentialRunner();
            runners.add(r);
            return r;
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger found = new AtomicInteger();
        try {
            List<Future<List<DifferentialRunner.Finding>>> batches = new ArrayList<>();
            for (int start = 0; start < count; start += BATCH) {
                List<Long> seeds = new ArrayList<>();
                for (int i = start; i < Math.min(count, start + BATCH); i++) {
                    seeds.add(first + i);
                }
                batches.add(pool.submit(() -> {
                    List<DifferentialRunner.Finding> findings = runner.get().run(seeds);
                    findings.forEach(f -> System.out.println("  finding at seed " + f.seed()));
                    int total = found.addAndGet(findings.size());
                    int before = done.getAndAdd(seeds.size());
                    if ((before + seeds.size()) / PROGRESS_EVERY > before / PROGRESS_EVERY) {
                        System.out.println("  " + (before + seeds.size()) + " programs, " + total + " finding(s)");
                    }
                    return findings;
                }));
            }
            List<DifferentialRunner.Finding> findings = new ArrayList<>();
            for (Future<List<DifferentialRunner.Finding>> batch : batches) {
                findings.addAll(batch.get());
            }
            findings.sort(Comparator.comparingLong(DifferentialRunner.Finding::seed));
            int returned = 0;
            int threw = 0;
            synchronized (runners) {
                for (DifferentialRunner r : runners) {
                    returned += r.returned();
                    threw += r.threw();
                }
            }
            return new Result(findings, returned, threw);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a batch failed to run", e.getCause());
        } finally {
            pool.shutdownNow();
            synchronized (runners) {
                runners.forEach(DifferentialRunner::close);
            }
        }
    }
}
