package dev.weft.weaver;

import dev.weft.weaver.validation.DefiningClassLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged and foreign class files through {@link Weaver#weave(byte[], String)}: never an exception, never a file
 * rewritten that was not a class, and every problem names the file it is in.
 */
class HostileInputTest {
    private static final String FILE = "target/classes/dev/weft/weaver/targets/Basics.class";

    /**
     * Why the JVM rejects {@code classFile} as the source class, defined in a loader of its own and initialized (so
     * verified); null if it takes it.
     */
    static String rejection(byte[] classFile) {
        ClassLoader loader = new DefiningClassLoader(HostileInputTest.class.getClassLoader(),
                Map.of(HostileInputCorpus.SOURCE_CLASS, classFile));
        try {
            Class.forName(HostileInputCorpus.SOURCE_CLASS, true, loader);
            return null;
        } catch (ClassNotFoundException | LinkageError | RuntimeException rejected) {
            return rejected.toString();
        }
    }

    /**
     * Checks what weaving {@code bytes} from {@code origin} gave; returns what is wrong with it, or null. The JVM must
     * take a woven class whenever it takes its input (a damaged input the JVM takes may be woven: the weaver passes
     * on, say, a garbled generic signature, which the JVM does not check); a refusal must name the file whenever it
     * cannot name a source file.
     */
    static String wrongWith(byte[] bytes, String origin, WeaveResult result) {
        switch (result.outcome()) {
            case WOVEN:
                String wovenRejection = rejection(result.bytes());
                if (wovenRejection != null && rejection(bytes) == null) {
                    return "woven into a class the JVM rejects: " + wovenRejection;
                }
                return null;
            case UNTOUCHED:
                return result.bytes() == bytes ? null : "untouched but other bytes returned";
            default:
                if (result.bytes() != bytes) {
                    return "refused but other bytes returned";
                }
                if (result.problems().isEmpty()) {
                    return "refused without a problem";
                }
                for (Problem problem : result.problems()) {
                    String line = problem.toString();
                    if (!origin.equals(problem.origin())) {
                        return "problem without its origin: " + line;
                    }
                    if ((problem.className() == null || problem.sourceFile() == null) && !line.contains(origin)) {
                        return "problem that names neither source nor file: " + line;
                    }
                    if (line.contains("Unknown Source") || line.startsWith("?")) {
                        return "problem with an unknown place: " + line;
                    }
                }
                return null;
        }
    }

    @Test
    void aClassCutShortInItsTrailingAttributesIsRefusedNamingTheFileAndTheClass() {
        byte[] truncated = HostileInputCorpus.truncatedInTrailingAttributes();

        WeaveResult result = new Weaver().weave(truncated, FILE);

        assertEquals(WeaveResult.Outcome.REFUSED, result.outcome());
        assertEquals(HostileInputCorpus.SOURCE_CLASS, result.className(), "the name is read from the header");
        assertEquals(1, result.problems().size());
        String line = result.problems().get(0).toString();
        assertTrue(line.startsWith(HostileInputCorpus.SOURCE_CLASS + "(" + FILE + "): cannot read the class file: "),
                line);
    }

    @Test
    void withoutAnOriginTheClassIsStillNamed() {
        WeaveResult result = new Weaver().weave(HostileInputCorpus.truncatedInTrailingAttributes());

        assertEquals(WeaveResult.Outcome.REFUSED, result.outcome());
        Problem problem = result.problems().get(0);
        assertNull(problem.origin());
        assertTrue(problem.toString().startsWith(HostileInputCorpus.SOURCE_CLASS + "(Unknown Source): "), problem
                .toString());
        assertEquals(WeaveResult.Outcome.WOVEN, new Weaver().weave(HostileInputCorpus.original()).outcome());
    }

    @Test
    void aWrongMagicNumberIsRefusedAsNotAClassFile() {
        for (int magic : new int[] {0xCAFEBABF, 0x00000000}) {
            byte[] bytes = HostileInputCorpus.withMagic(magic);

            WeaveResult result = new Weaver().weave(bytes, FILE);

            assertEquals(WeaveResult.Outcome.REFUSED, result.outcome(), String.format("%08X", magic));
            assertEquals(List.of(String.format("%s: cannot read the class file: not a class file (magic %08X, a class"
                    + " file starts with CAFEBABE); the file is left as it is: compile it again, or leave it out of weaving", FILE, magic)),
                    result.problems().stream().map(Problem::toString).toList());
            assertTrue(result.bytes() == bytes);
        }
    }

    @Test
    void fewerBytesThanAHeaderAreRefusedNotThrown() {
        for (int length = 0; length < 12; length++) {
            byte[] bytes = java.util.Arrays.copyOf(HostileInputCorpus.original(), length);
            WeaveResult result = new Weaver().weave(bytes, FILE);
            assertEquals(WeaveResult.Outcome.REFUSED, result.outcome(), length + " bytes");
            assertEquals(null, wrongWith(bytes, FILE, result), length + " bytes");
        }
    }

    @Test
    void everyDamagedVariantIsWovenLeftAloneOrRefusedNamingItsFile() {
        Map<WeaveResult.Outcome, Integer> outcomes = new EnumMap<>(WeaveResult.Outcome.class);
        List<String> wrong = new ArrayList<>();
        Weaver weaver = new Weaver();
        for (HostileInputCorpus.Variant variant : HostileInputCorpus.variants()) {
            String origin = "corpus/" + variant.name() + ".class";
            WeaveResult result;
            try {
                result = weaver.weave(variant.bytes(), origin);
            } catch (RuntimeException | Error escaped) {
                wrong.add(variant.name() + ": threw " + escaped);
                continue;
            }
            outcomes.merge(result.outcome(), 1, Integer::sum);
            String problem = wrongWith(variant.bytes(), origin, result);
            if (problem != null) {
                wrong.add(variant.name() + ": " + problem);
            }
        }
        assertEquals(List.of(), wrong, outcomes + ", " + wrong.size() + " wrong");
        assertTrue(outcomes.getOrDefault(WeaveResult.Outcome.WOVEN, 0) > 100, outcomes.toString());
        assertTrue(outcomes.getOrDefault(WeaveResult.Outcome.REFUSED, 0) > 100, outcomes.toString());
    }
}
