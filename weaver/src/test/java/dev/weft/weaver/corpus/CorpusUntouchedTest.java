package dev.weft.weaver.corpus;

import dev.weft.weaver.WeaveResult;
import dev.weft.weaver.Weaver;
import dev.weft.weaver.internal.ClassWeaver;
import dev.weft.weaver.internal.ConstantPoolScan;
import dev.weft.weaver.internal.LocalsKept;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every class of the real-world corpus (no {@code @Async} anywhere) comes out of the weaver untouched, byte for byte,
 * and the agent's constant-pool precheck ({@link Weaver#mayNeedWeaving}) agrees with a full parse of the class.
 */
class CorpusUntouchedTest {
    private final Weaver weaver = new Weaver();

    @Test
    void corpusIsLargeAndHasClassFilesWithAndWithoutFrames() {
        assertTrue(Corpus.all().size() > 7000, "corpus classes: " + Corpus.all().size());
        assertTrue(Corpus.withFrames().size() > 4000, "framed classes: " + Corpus.withFrames().size());
        assertTrue(Corpus.all().stream().anyMatch(e -> e.major() < 50), "no class without frames");
    }

    @Test
    void everyCorpusClassIsUntouchedWithIdenticalBytes() {
        List<String> changed = new ArrayList<>();
        for (Corpus.Entry e : Corpus.all()) {
            byte[] input = e.bytes().clone();
            WeaveResult result = weaver.weave(input);
            if (result.outcome() != WeaveResult.Outcome.UNTOUCHED || !java.util.Arrays.equals(e.bytes(), result.bytes())
                    || !result.problems().isEmpty()) {
                changed.add(e + ": " + result.outcome() + " " + result.problems());
            }
            assertArrayEquals(e.bytes(), input, "the weaver wrote into its input: " + e);
        }
        assertEquals(List.of(), changed);
    }

    /**
     * The precheck says no for every corpus class; the full path that the precheck lets the weaver skip (parse with
     * frames expanded, look at every method for {@code @Async} and every call for {@code await}) must find nothing
     * either. The scan must also read every constant pool to its end: it treats a pool it cannot read as "maybe",
     * which would hide a scanner bug behind a slower but correct answer.
     */
    @Test
    void constantPoolPrecheckAgreesWithAFullParse() {
        List<String> disagreements = new ArrayList<>();
        for (Corpus.Entry e : Corpus.all()) {
            ConstantPoolScan scan = ConstantPoolScan.of(e.bytes());
            if (scan.mayNeedWeaving() || weaver.mayNeedWeaving(e.bytes())) {
                disagreements.add(e + ": precheck says it may need weaving");
            }
            ClassWeaver full = new ClassWeaver(e.bytes(), LocalsKept.LIVE);
            byte[] woven = full.weave();
            if (woven != null || !full.problems().isEmpty()) {
                disagreements.add(e + ": a full parse found something to weave: " + full.problems());
            }
        }
        assertEquals(List.of(), disagreements);
    }
}
