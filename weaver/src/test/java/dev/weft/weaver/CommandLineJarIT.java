package dev.weft.weaver;

import dev.weft.weaver.validation.WeavingClassLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code java -jar weft-weaver-VERSION-cli.jar}, the jar the build packages (system property
 * {@code weft.weaver.cli.jar}), run in a JVM of its own with nothing else on its class path.
 */
class CommandLineJarIT {
    private static final String ASYNC_CLASS = "dev.weft.weaver.targets.Basics";
    private static final String PLAIN_CLASS = "dev.weft.weaver.validation.WeavingClassLoader";
    private static final String REFUSED_CLASS = "dev.weft.weaver.refusals.AwaitOutsideAsync";

    @TempDir
    Path classes;

    private record Run(int status, String out, String err) {
    }

    /**
     * The packaged jar. The property is set only in the {@code integration-test} run of this class, after
     * {@code package}; a {@code -Dtest} naming it runs it in the unit-test run too, before there is a jar: skipped
     * there.
     */
    private static Path jar() {
        String jar = System.getProperty("weft.weaver.cli.jar");
        assumeTrue(jar != null, "weft.weaver.cli.jar is given only after package");
        assertTrue(Files.isRegularFile(Paths.get(jar)), "no command-line jar: " + jar);
        return Paths.get(jar);
    }

    private static Run java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("weft-cli", ".out");
        Path err = Files.createTempFile("weft-cli", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the weaver did not finish");
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    private Path copy(String className) throws IOException {
        Path file = classes.resolve(className.replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        return Files.write(file, WeavingClassLoader.original(className));
    }

    @Test
    void weavesADirectoryAndPrintsTheSummary() throws Exception {
        Path async = copy(ASYNC_CLASS);
        copy(PLAIN_CLASS);

        Run run = java(classes.toString());

        assertEquals(0, run.status(), run.err());
        assertEquals("weft: 1 woven, 1 untouched, 0 refused", run.out().strip());
        assertEquals("", run.err());
        assertArrayEquals(new Weaver().weave(WeavingClassLoader.original(ASYNC_CLASS)).bytes(),
                Files.readAllBytes(async));
    }

    @Test
    void listsEachRefusalAndExitsWithOne() throws Exception {
        copy(ASYNC_CLASS);
        copy(REFUSED_CLASS);

        Run run = java(classes.toString());

        assertEquals(1, run.status(), run.err());
        assertEquals("weft: 1 woven, 0 untouched, 1 refused", run.out().strip());
        assertTrue(run.err().startsWith(REFUSED_CLASS + ".plain(AwaitOutsideAsync.java:9): "), run.err());
    }

    @Test
    void keepsLocalsWhenAsked() throws Exception {
        String target = WeavingClassLoader.TARGETS + "Reachability";
        Path file = copy(target);

        Run run = java("--keep-locals", classes.toString());

        assertEquals(0, run.status(), run.err());
        assertArrayEquals(new Weaver().keepingLocals().weave(WeavingClassLoader.original(target)).bytes(),
                Files.readAllBytes(file));
    }

    @Test
    void carriesItsAsmRelocated() throws IOException {
        try (ZipFile jar = new ZipFile(jar().toFile())) {
            List<String> names = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
            assertTrue(names.contains("dev/weft/weaver/shaded/asm/ClassReader.class"), "ASM is inside");
            assertTrue(names.contains("dev/weft/weaver/shaded/asm/tree/analysis/Analyzer.class"), "all of it used");
            assertEquals(List.of(), names.stream().filter(n -> n.startsWith("org/objectweb/")).toList(),
                    "and relocated: it never clashes with a build tool's own ASM");
        }
    }
}
