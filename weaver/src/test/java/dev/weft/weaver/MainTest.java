package dev.weft.weaver;

import dev.weft.weaver.validation.WeavingClassLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The command line, {@link Main}, over directories and jars: hostile files are refused one by one and named, the
 * rest is woven, the exit status tells which, and no file is left damaged or half written.
 */
class MainTest {
    private static final String ASYNC_CLASS = HostileInputCorpus.SOURCE_CLASS;
    private static final String ASYNC_FILE = ASYNC_CLASS.replace('.', '/') + ".class";
    private static final String PLAIN_CLASS = "dev.weft.weaver.validation.WeavingClassLoader";
    private static final String PLAIN_FILE = PLAIN_CLASS.replace('.', '/') + ".class";

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Object... args) {
        String[] text = Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        return Main.run(text, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<String> errorLines() {
        return err.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    }

    private static byte[] woven(byte[] classFile) {
        WeaveResult result = new Weaver().weave(classFile);
        assertEquals(WeaveResult.Outcome.WOVEN, result.outcome());
        return result.bytes();
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private static Path jar(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private static Map<String, byte[]> entries(Path jar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    private List<Path> filesUnder(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void successPrintsOneSummaryLineAndExitsWithZero() throws IOException {
        Path classes = work.resolve("classes");
        write(classes.resolve(ASYNC_FILE), HostileInputCorpus.original());
        write(classes.resolve(PLAIN_FILE), WeavingClassLoader.original(PLAIN_CLASS));

        assertEquals(0, run(classes));

        assertEquals("weft: 1 woven, 1 untouched, 0 refused", printed().strip());
        assertEquals(List.of(), errorLines());
        assertArrayEquals(woven(HostileInputCorpus.original()), Files.readAllBytes(classes.resolve(ASYNC_FILE)));
    }

    @Test
    void aClassCutShortInItsAttributesIsNamedAndDoesNotStopTheFilesAfterIt() throws IOException {
        Path classes = work.resolve("classes");
        Path truncated = write(classes.resolve("a/Truncated.class"),
                HostileInputCorpus.truncatedInTrailingAttributes());
        Path async = write(classes.resolve(ASYNC_FILE), HostileInputCorpus.original());

        assertEquals(1, run(classes));

        assertEquals(1, errorLines().size(), errorLines().toString());
        assertTrue(errorLines().get(0).startsWith(ASYNC_CLASS + "(" + truncated + "): cannot read the class file: "),
                errorLines().get(0));
        assertEquals("weft: 1 woven, 0 untouched, 1 refused", printed().strip());
        assertArrayEquals(woven(HostileInputCorpus.original()), Files.readAllBytes(async));
        assertArrayEquals(HostileInputCorpus.truncatedInTrailingAttributes(), Files.readAllBytes(truncated));
    }

    @Test
    void aFileWithAWrongMagicNumberIsRefusedAndLeftAsItIs() throws IOException {
        for (int magic : new int[] {0xCAFEBABF, 0x00000000}) {
            Path classes = work.resolve(String.format("classes-%08X", magic));
            byte[] notAClass = HostileInputCorpus.withMagic(magic);
            Path file = write(classes.resolve(ASYNC_FILE), notAClass);
            err.reset();

            assertEquals(1, run(classes));

            assertEquals(List.of(String.format("%s: cannot read the class file: not a class file (magic %08X, a "
                    + "class file starts with CAFEBABE); the file is left as it is: compile it again, or leave it out "
                    + "of weaving", file, magic)), errorLines());
            assertArrayEquals(notAClass, Files.readAllBytes(file));
        }
    }

    @Test
    void everyDamagedVariantInADirectoryIsRefusedByItsPathOrWovenAndNoFileIsLeftBehind() throws IOException {
        Path classes = work.resolve("classes");
        Map<Path, byte[]> written = new LinkedHashMap<>();
        for (HostileInputCorpus.Variant variant : HostileInputCorpus.variants()) {
            written.put(write(classes.resolve("corpus/" + variant.name() + ".class"), variant.bytes()),
                    variant.bytes());
        }

        assertEquals(1, run(classes));

        for (String line : errorLines()) {
            assertTrue(line.contains(classes.resolve("corpus").toString()) || line.contains("(Basics.java"), line);
        }
        assertTrue(printed().strip().matches("weft: \\d+ woven, \\d+ untouched, \\d+ refused"), printed());
        int refused = Integer.parseInt(printed().strip().replaceAll(".*, (\\d+) refused", "$1"));
        assertTrue(refused > HostileInputCorpus.SIZE / 2, printed());
        assertEquals(List.copyOf(written.keySet()).stream().sorted().collect(Collectors.toList()), filesUnder(classes),
                "no temporary file is left");
        for (Map.Entry<Path, byte[]> file : written.entrySet()) {
            byte[] now = Files.readAllBytes(file.getKey());
            if (!Arrays.equals(file.getValue(), now)) {
                WeaveResult again = new Weaver().weave(file.getValue());
                assertEquals(WeaveResult.Outcome.WOVEN, again.outcome(), file.getKey() + " changed");
                assertArrayEquals(again.bytes(), now, file.getKey().toString());
            }
        }
    }

    @Test
    void everyDamagedVariantInAJarIsNamedByJarAndEntryAndTheGoodClassIsWoven() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
        for (HostileInputCorpus.Variant variant : HostileInputCorpus.variants()) {
            entries.put("corpus/" + variant.name() + ".class", variant.bytes());
        }
        entries.put(ASYNC_FILE, HostileInputCorpus.original());
        Path jar = jar(work.resolve("app.jar"), entries);

        assertEquals(1, run(jar));

        for (String line : errorLines()) {
            assertTrue(line.contains(jar + "!/corpus/") || line.contains("(Basics.java"), line);
        }
        Map<String, byte[]> after = entries(jar);
        assertEquals(List.copyOf(entries.keySet()), List.copyOf(after.keySet()), "every entry, in order");
        assertArrayEquals(woven(HostileInputCorpus.original()), after.get(ASYNC_FILE));
        for (HostileInputCorpus.Variant variant : HostileInputCorpus.variants()) {
            byte[] now = after.get("corpus/" + variant.name() + ".class");
            WeaveResult result = new Weaver().weave(variant.bytes());
            assertArrayEquals(result.bytes(), now, variant.name());
        }
        assertEquals(List.of(jar), filesUnder(work), "no temporary file is left");
    }

    @Test
    void aJarThatFailsPartWayIsLeftAsItWasAndTheNextArgumentIsStillWoven() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(ASYNC_FILE, HostileInputCorpus.original());
        entries.put("data/second.txt", "the second entry".getBytes(StandardCharsets.UTF_8));
        Path jar = jar(work.resolve("broken.jar"), entries);
        byte[] damaged = Files.readAllBytes(jar);
        int secondLocalHeader = indexOf(damaged, new byte[] {'P', 'K', 3, 4}, 1);
        damaged[secondLocalHeader + 3] = 9;   // its local header's signature: reading that entry fails
        Files.write(jar, damaged);
        Path classes = work.resolve("classes");
        Path async = write(classes.resolve(ASYNC_FILE), HostileInputCorpus.original());

        assertEquals(2, run(jar, classes));

        assertEquals(1, errorLines().size(), errorLines().toString());
        assertTrue(errorLines().get(0).startsWith("weft: cannot weave " + jar + ", left as it was: "), errorLines()
                .get(0));
        assertTrue(errorLines().get(0).contains(jar + "!/data/second.txt"), errorLines().get(0));
        assertArrayEquals(damaged, Files.readAllBytes(jar));
        assertArrayEquals(woven(HostileInputCorpus.original()), Files.readAllBytes(async));
        assertEquals(List.of(jar, async).stream().sorted().collect(Collectors.toList()), filesUnder(work),
                "no temporary file is left");
    }

    private static int indexOf(byte[] bytes, byte[] part, int skipped) {
        for (int i = 0, seen = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length) && seen++ == skipped) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void temporaryFilesLeftByAKilledRunAreNoObstacle() throws IOException {
        Path jar = jar(work.resolve("app.jar"), Map.of(ASYNC_FILE, HostileInputCorpus.original()));
        Path classes = work.resolve("classes");
        Path async = write(classes.resolve(ASYNC_FILE), HostileInputCorpus.original());
        // What earlier runs killed part way left, under the names they used: in the way of a fixed name.
        Files.createDirectories(work.resolve("app.jar.weft-tmp"));
        Files.createDirectories(async.resolveSibling(async.getFileName() + ".weft-tmp"));
        Path stale = write(work.resolve("app.jar.1234.weft-tmp"), new byte[] {1, 2, 3});

        assertEquals(0, run(jar, classes), errorLines().toString());

        assertArrayEquals(woven(HostileInputCorpus.original()), entries(jar).get(ASYNC_FILE));
        assertArrayEquals(woven(HostileInputCorpus.original()), Files.readAllBytes(async));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(stale), "another run's file is not touched");
    }

    @Test
    void aWovenFileKeepsItsPermissions() throws IOException {
        Path classes = work.resolve("classes");
        Path async = write(classes.resolve(ASYNC_FILE), HostileInputCorpus.original());
        assumeTrue(Files.getFileStore(async).supportsFileAttributeView("posix"));
        Files.setPosixFilePermissions(async, PosixFilePermissions.fromString("rw-r--r--"));

        assertEquals(0, run(classes));

        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(async)));
    }

    @Test
    void keepLocalsWeavesForDebugging() throws IOException {
        String target = WeavingClassLoader.TARGETS + "Reachability";
        byte[] original = WeavingClassLoader.original(target);
        Path file = write(work.resolve("classes").resolve(target.replace('.', '/') + ".class"), original);
        byte[] keepingLocals = new Weaver().keepingLocals().weave(original).bytes();
        assertFalse(Arrays.equals(woven(original), keepingLocals), "a dead local is saved only when keeping locals");

        assertEquals(0, run("--keep-locals", work.resolve("classes")));

        assertArrayEquals(keepingLocals, Files.readAllBytes(file));
    }

    @Test
    void badArgumentsExitWithTwoAndWeaveNothing() throws IOException {
        Path classes = work.resolve("classes");
        Path async = write(classes.resolve(ASYNC_FILE), HostileInputCorpus.original());

        assertEquals(2, run("--keep-local", classes));
        assertTrue(errorLines().get(0).startsWith("weft: unknown option '--keep-local'; usage: "), errorLines()
                .toString());
        assertEquals(2, run(classes, work.resolve("missing")));
        assertEquals(2, run());
        assertArrayEquals(HostileInputCorpus.original(), Files.readAllBytes(async), "nothing is woven");
    }
}
