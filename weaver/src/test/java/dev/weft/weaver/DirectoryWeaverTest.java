package dev.weft.weaver;

import dev.weft.weaver.validation.WeavingClassLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Weaving a classes directory in place, as the Maven goals and {@code Main} do: woven classes are written back, the
 * others are left byte for byte, a refused class does not stop the others, and a second run changes nothing.
 */
class DirectoryWeaverTest {
    private static final String ASYNC_CLASS = "dev.weft.weaver.targets.Basics";
    private static final String REFUSED_CLASS = "dev.weft.weaver.refusals.AwaitOutsideAsync";
    private static final String PLAIN_CLASS = "dev.weft.weaver.validation.WeavingClassLoader";

    @TempDir
    Path classes;

    private Path copy(String className) throws IOException {
        Path file = classes.resolve(className.replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, WeavingClassLoader.original(className));
        return file;
    }

    private List<Path> allFiles() throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void wovenClassesAreWrittenBackAndRefusedAndPlainOnesKeepTheirBytes() throws IOException {
        Path async = copy(ASYNC_CLASS);
        Path refused = copy(REFUSED_CLASS);
        Path plain = copy(PLAIN_CLASS);

        DirectoryWeaver.Report report = new DirectoryWeaver(new Weaver()).weave(classes);

        assertEquals(List.of(ASYNC_CLASS), report.wovenClasses());
        assertEquals(1, report.untouchedCount());
        assertEquals(List.of(REFUSED_CLASS), report.refusedClasses());
        assertEquals(1, report.problems().size());
        assertTrue(report.problems().get(0).toString()
                .startsWith(REFUSED_CLASS + ".plain(AwaitOutsideAsync.java:9): await(...) outside an @Async method"),
                report.problems().get(0).toString());
        assertArrayEquals(new Weaver().weave(WeavingClassLoader.original(ASYNC_CLASS)).bytes(),
                Files.readAllBytes(async));
        assertArrayEquals(WeavingClassLoader.original(REFUSED_CLASS), Files.readAllBytes(refused));
        assertArrayEquals(WeavingClassLoader.original(PLAIN_CLASS), Files.readAllBytes(plain));
        assertEquals(List.of(refused, async, plain).stream().sorted().collect(Collectors.toList()), allFiles(),
                "no temporary file is left behind");
    }

    @Test
    void weavingAgainWritesNothing() throws IOException {
        Path async = copy(ASYNC_CLASS);
        copy(PLAIN_CLASS);
        DirectoryWeaver weaver = new DirectoryWeaver(new Weaver());
        weaver.weave(classes);
        byte[] wovenOnce = Files.readAllBytes(async);
        FileTime earlier = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(async, earlier);

        DirectoryWeaver.Report again = weaver.weave(classes);

        assertEquals(List.of(), again.wovenClasses());
        assertEquals(2, again.untouchedCount());
        assertEquals(List.of(), again.problems());
        assertArrayEquals(wovenOnce, Files.readAllBytes(async));
        assertEquals(earlier, Files.getLastModifiedTime(async), "a class woven already is not rewritten");
    }

    @Test
    void selectorGetsSlashSeparatedRelativePathsAndRejectedClassesAreLeftAlone() throws IOException {
        Path async = copy(ASYNC_CLASS);
        copy(PLAIN_CLASS);
        List<String> offered = new ArrayList<>();

        DirectoryWeaver.Report report = new DirectoryWeaver(new Weaver()).weave(classes, relativePath -> {
            offered.add(relativePath);
            return !relativePath.startsWith("dev/weft/weaver/targets/");
        });

        assertEquals(List.of("dev/weft/weaver/targets/Basics.class",
                "dev/weft/weaver/validation/WeavingClassLoader.class"), offered.stream().sorted().toList());
        assertEquals(List.of(), report.wovenClasses());
        assertEquals(1, report.untouchedCount(), "only selected classes are counted");
        assertArrayEquals(WeavingClassLoader.original(ASYNC_CLASS), Files.readAllBytes(async));
    }

    @Test
    void mainWeavesADirectoryAndExitsWithOneWhenAClassIsRefused() throws IOException {
        Path async = copy(ASYNC_CLASS);
        copy(REFUSED_CLASS);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.run(new String[] {classes.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(1, status);
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith(REFUSED_CLASS + ".plain(AwaitOutsideAsync.java:9): "), printed);
        assertEquals(1, printed.lines().count(), printed);
        assertArrayEquals(new Weaver().weave(WeavingClassLoader.original(ASYNC_CLASS)).bytes(),
                Files.readAllBytes(async), "the @Async class is woven although another class was refused");
    }

    @Test
    void mainExitsWithZeroWhenAllIsWovenAndTwoForAPathThatIsNeitherDirectoryNorJar() throws IOException {
        copy(ASYNC_CLASS);
        copy(PLAIN_CLASS);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertEquals(0, Main.run(new String[] {classes.toString()}, quiet, quiet));
        assertEquals(2, Main.run(new String[] {classes.resolve("missing").toString()}, quiet, quiet));
    }
}
