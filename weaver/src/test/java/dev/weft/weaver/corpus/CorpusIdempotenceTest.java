package dev.weft.weaver.corpus;

import dev.weft.weaver.WeaveResult;
import dev.weft.weaver.Weaver;
import dev.weft.weaver.validation.WeavingClassLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Weaving is idempotent and deterministic over everything the tests have: the corpus jars, the validation targets,
 * and the woven corpus twins. Weaving a woven class again leaves it untouched, byte for byte; the same input woven
 * by a fresh {@link Weaver} gives the same bytes.
 */
class CorpusIdempotenceTest {

    /** Weaves {@code input} once more on a fresh weaver and the output again; null if both hold, else the problem. */
    private static String unstable(String what, byte[] input, byte[] firstOutput) {
        WeaveResult again = new Weaver().weave(input.clone());
        if (!Arrays.equals(firstOutput, again.bytes())) {
            return what + ": the same input woven twice gave different bytes";
        }
        WeaveResult twice = new Weaver().weave(firstOutput.clone());
        if (twice.outcome() != WeaveResult.Outcome.UNTOUCHED || !Arrays.equals(firstOutput, twice.bytes())) {
            return what + ": weaving the output again gave " + twice.outcome() + " " + twice.problems();
        }
        return null;
    }

    @Test
    void corpusClassesWovenTwiceAreUntouchedTwice() {
        Weaver weaver = new Weaver();
        List<String> unstable = Corpus.all().stream()
                .map(e -> unstable(e.toString(), e.bytes(), weaver.weave(e.bytes()).bytes()))
                .filter(Objects::nonNull).collect(Collectors.toList());
        assertEquals(List.of(), unstable);
    }

    @Test
    void wovenCorpusTwinsAreDeterministicAndIdempotent() {
        List<String> unstable = WovenTwins.woven().parallelStream()
                .map(r -> unstable(r.entry().toString(), r.input(), r.woven()))
                .filter(Objects::nonNull).collect(Collectors.toList());
        assertEquals(List.of(), unstable);
    }

    /**
     * Every class of the validation targets: woven ones are stable, and each is loaded through the
     * {@link WeavingClassLoader}, which checks every class it weaves with ASM's {@code CheckClassAdapter} data-flow
     * verifier, so no target escapes that check for want of a test that loads it.
     */
    @Test
    void everyValidationTargetIsStableAndPassesTheDataFlowCheck() throws ClassNotFoundException {
        Weaver weaver = new Weaver();
        WeavingClassLoader loader = new WeavingClassLoader();
        List<String> unstable = new ArrayList<>();
        int woven = 0;
        for (String name : targetClassNames()) {
            byte[] original = WeavingClassLoader.original(name);
            WeaveResult first = weaver.weave(original);
            assertTrue(first.outcome() != WeaveResult.Outcome.REFUSED, name + ": " + first.problems());
            if (first.outcome() == WeaveResult.Outcome.WOVEN) {
                woven++;
            }
            String problem = unstable(name, original, first.bytes());
            if (problem != null) {
                unstable.add(problem);
            }
            loader.loadClass(name);
        }
        assertEquals(List.of(), unstable);
        assertTrue(woven >= 20, "woven validation targets: " + woven);
    }

    /** The class names of every class file under the validation targets' package, nested classes included. */
    private static List<String> targetClassNames() {
        String pkg = WeavingClassLoader.TARGETS.replace('.', '/');
        URL url = CorpusIdempotenceTest.class.getClassLoader().getResource(pkg);
        try (Stream<Path> files = Files.list(Path.of(Objects.requireNonNull(url, pkg).toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".class"))
                    .map(f -> WeavingClassLoader.TARGETS + f.substring(0, f.length() - ".class".length()))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
