package dev.weft.bench;

import dev.weft.bench.awaitdone.AwaitDone;
import dev.weft.bench.echo.Echo;
import dev.weft.bench.gather.FanOut;
import dev.weft.bench.handoff.HandOff;
import dev.weft.bench.neversuspends.NeverSuspends;
import dev.weft.bench.tasks.TrivialTasks;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every benchmark JMH generated (META-INF/BenchmarkList), run a few times in this JVM through its setup and teardown
 * with small sizes, its result checked against the workload's checksum: the benchmarks compile, run and do the same
 * work on every side. Nothing about timings. Virtual threads' benchmarks exist (and run here) on JDK 21 and later.
 */
class BenchmarksSmokeTest {
    /** Invocations of a benchmark measured per operation; one-shot benchmarks (whole runs, launches) run once. */
    private static final int INVOCATIONS = 3;

    /** The small sizes the smoke run uses instead of each {@link Param}'s first value. */
    private static final Map<String, String> SMALL_PARAMS = Map.of("tasks", "2000", "sleepMillis", "20",
            "classCount", "300");

    /** What every benchmark of a package must return, from its benchmark instance (for the size params). */
    private static final Map<String, ToLongFunction<Object>> CHECKSUMS = Map.of(
            "handoff", benchmark -> HandOff.checksum(),
            "tasks", benchmark -> TrivialTasks.checksum(),
            "gather", benchmark -> FanOut.checksum(),
            "awaitdone", benchmark -> AwaitDone.checksum(),
            "echo", benchmark -> Echo.checksum(),
            "neversuspends", benchmark -> NeverSuspends.checksum(),
            "sleepers", benchmark -> Long.parseLong(SMALL_PARAMS.get("tasks")),
            "startup", benchmark -> Long.parseLong(SMALL_PARAMS.get("classCount")));

    @TestFactory
    Stream<DynamicTest> everyBenchmarkRunsAndComputesItsChecksum() {
        List<BenchmarkListEntry> benchmarks = generatedBenchmarks();
        assertFalse(benchmarks.isEmpty());
        return benchmarks.stream().flatMap(entry -> paramCombinations(entry).stream().map(params ->
                DynamicTest.dynamicTest(entry.getUsername() + " " + params, () -> runAndCheck(entry, params))));
    }

    @Test
    void virtualThreadBenchmarksExistExactlyOnJdk21AndLater() {
        boolean present = generatedBenchmarks().stream().anyMatch(e -> e.getUsername().contains("VirtualThread"));
        assertEquals(Runtime.version().feature() >= 21, present);
    }

    private static List<BenchmarkListEntry> generatedBenchmarks() {
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        return new ArrayList<>(BenchmarkList.defaultList().getAll(
                OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT), List.of()));
    }

    /** Every combination of the benchmark class's params, the sizes replaced by {@link #SMALL_PARAMS}. */
    private static List<Map<String, String>> paramCombinations(BenchmarkListEntry entry) {
        List<Map<String, String>> combinations = new ArrayList<>(List.of(Map.of()));
        for (Field field : paramFields(benchmarkClass(entry))) {
            String name = field.getName();
            List<String> values = SMALL_PARAMS.containsKey(name) ? List.of(SMALL_PARAMS.get(name))
                    : Arrays.asList(field.getAnnotation(Param.class).value());
            List<Map<String, String>> extended = new ArrayList<>();
            for (Map<String, String> combination : combinations) {
                for (String value : values) {
                    Map<String, String> with = new TreeMap<>(combination);
                    with.put(name, value);
                    extended.add(with);
                }
            }
            combinations = extended;
        }
        return combinations;
    }

    private static void runAndCheck(BenchmarkListEntry entry, Map<String, String> params) throws Throwable {
        Class<?> type = benchmarkClass(entry);
        Object benchmark = type.getDeclaredConstructor().newInstance();
        for (Field field : paramFields(type)) {
            field.set(benchmark, convert(params.get(field.getName()), field.getType()));
        }
        String methodName = entry.getUsername().substring(entry.getUsername().lastIndexOf('.') + 1);
        Method method = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(methodName) && m.isAnnotationPresent(Benchmark.class))
                .findFirst().orElseThrow();
        String workload = type.getPackageName().substring(type.getPackageName().lastIndexOf('.') + 1);
        assertTrue(CHECKSUMS.containsKey(workload), "no checksum for the workload " + workload);
        long expected = CHECKSUMS.get(workload).applyAsLong(benchmark);
        invokeAnnotated(benchmark, Setup.class);
        try {
            int invocations = isSingleShot(type) ? 1 : INVOCATIONS;
            for (int i = 0; i < invocations; i++) {
                Object result = invoke(method, benchmark, method.getParameterCount() == 0 ? new Object[0]
                        : new Object[] {blackhole()});
                assertEquals(expected, ((Number) result).longValue(), entry.getUsername() + " " + params);
            }
        } finally {
            invokeAnnotated(benchmark, TearDown.class);
        }
    }

    private static boolean isSingleShot(Class<?> type) {
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            BenchmarkMode mode = c.getAnnotation(BenchmarkMode.class);
            if (mode != null) {
                return Arrays.asList(mode.value()).contains(Mode.SingleShotTime);
            }
        }
        return false;
    }

    private static Class<?> benchmarkClass(BenchmarkListEntry entry) {
        try {
            return Class.forName(entry.getUserClassQName());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Field> paramFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(Param.class)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static Object convert(String value, Class<?> type) {
        if (type == int.class) {
            return Integer.parseInt(value);
        }
        if (type == long.class) {
            return Long.parseLong(value);
        }
        return value;
    }

    private static void invokeAnnotated(Object benchmark, Class<? extends Annotation> annotation)
            throws Throwable {
        for (Method method : benchmark.getClass().getMethods()) {
            if (method.isAnnotationPresent(annotation)) {
                invoke(method, benchmark);
            }
        }
    }

    private static Object invoke(Method method, Object target, Object... args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Blackhole blackhole() {
        return new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    }
}
