package dev.weft.weaver.fuzz;

import dev.weft.EventLoop;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.weaver.validation.WeavingClassLoader;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs generated programs differentially: compiles a batch of them as one unit (javac's start-up cost is per unit),
 * weaves and checks each class with the validation {@link WeavingClassLoader} (a refusal or a
 * {@code CheckClassAdapter} failure is a finding), then runs each program's {@code start} woven on a fresh
 * virtual-time loop and its {@code startSync} twin directly, and compares the two {@link Observation}s.
 *
 * <p>Programs run on a worker thread so that a woven program that never ends is reported as a finding (after a
 * generous limit) instead of hanging the build; a program that ends is never timed.
 */
final class DifferentialRunner implements AutoCloseable {
    /** A program whose woven run differs from its twin, or that fails to compile or weave. */
    record Finding(long seed, String problem) {
    }

    private static final long HANG_LIMIT_SECONDS = 120;

    private final InMemoryCompiler compiler = new InMemoryCompiler();
    private ExecutorService worker = newWorker();
    private int returned;
    private int threw;

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "differential-fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    /** Generates, compiles, weaves and runs the programs of {@code seeds}; returns what differed. */
    List<Finding> run(List<Long> seeds) {
        List<ProgramGenerator.Program> programs = new ArrayList<>();
        for (long seed : seeds) {
            programs.add(ProgramGenerator.generate(seed));
        }
        String unitName = "Batch" + Long.toUnsignedString(seeds.get(0));
        Map<String, byte[]> classes;
        try {
            classes = compiler.compile(binaryName(unitName), ProgramGenerator.unit(unitName, programs));
        } catch (IllegalArgumentException batchFails) {
            return compileOneByOne(programs);
        }
        WeavingClassLoader loader = new WeavingClassLoader(classes);
        List<Finding> findings = new ArrayList<>();
        for (ProgramGenerator.Program program : programs) {
            String problem = runOne(loader, binaryName(unitName) + "$" + program.className());
            if (problem != null) {
                findings.add(new Finding(program.seed(), problem));
            }
        }
        return findings;
    }

    /** The source of a one-program unit for {@code seed}: what a report prints, and what reproduces it. */
    static String sourceOf(long seed) {
        return ProgramGenerator.unit("Repro", List.of(ProgramGenerator.generate(seed)));
    }

    private static String binaryName(String unitName) {
        return ProgramGenerator.PACKAGE + "." + unitName;
    }

    private List<Finding> compileOneByOne(List<ProgramGenerator.Program> programs) {
        List<Finding> findings = new ArrayList<>();
        for (ProgramGenerator.Program program : programs) {
            try {
                compiler.compile(binaryName("Repro"), sourceOf(program.seed()));
            } catch (IllegalArgumentException e) {
                findings.add(new Finding(program.seed(), "generator bug: " + e.getMessage()));
            }
        }
        if (findings.isEmpty()) {
            throw new IllegalStateException("a batch fails to compile although each of its programs compiles");
        }
        return findings;
    }

    /** Weaves, checks and runs one program; returns what went wrong, or null. */
    private String runOne(WeavingClassLoader loader, String className) {
        Class<?> program;
        try {
            Class.forName(className.substring(0, className.lastIndexOf('$')) + "$H", true, loader);
            program = Class.forName(className, true, loader);
        } catch (Throwable e) {
            return "weaving: " + Observation.describe(e);
        }
        if (loader.wovenBytes(className) == null) {
            return "weaving: the weaver left " + className + " untouched";
        }
        Observation woven;
        Observation twin;
        try {
            Method start = program.getDeclaredMethod("start", StringBuilder.class);
            Method startSync = program.getDeclaredMethod("startSync", StringBuilder.class);
            woven = onWorker(() -> Observation.of(
                    log -> Weft.run((Task<?>) start.invoke(null, log), EventLoop::newVirtualTimeLoop)));
            twin = onWorker(() -> Observation.of(log -> startSync.invoke(null, log)));
        } catch (ReflectiveOperationException | ExecutionException e) {
            return "running: " + Observation.describe(e);
        } catch (TimeoutException e) {
            worker.shutdownNow();
            worker = newWorker();
            return "running: no end after " + HANG_LIMIT_SECONDS + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (woven.equals(twin)) {
            if (twin.returned()) {
                returned++;
            } else {
                threw++;
            }
            return null;
        }
        return "woven and twin differ\n  woven: " + woven + "\n  twin:  " + twin;
    }

    /** How many programs agreed with their twins by returning a value. */
    int returned() {
        return returned;
    }

    /** How many programs agreed with their twins by throwing the same exception. */
    int threw() {
        return threw;
    }

    private interface Observed {
        Observation call() throws Exception;
    }

    private Observation onWorker(Observed observed)
            throws ExecutionException, TimeoutException, InterruptedException {
        Future<Observation> result = worker.submit(observed::call);
        return result.get(HANG_LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
