package dev.weft.agent;

import dev.weft.weaver.HostileInputCorpus;
import dev.weft.weaver.WeaveResult;
import dev.weft.weaver.Weaver;
import dev.weft.weaver.validation.WeavingClassLoader;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeavingTransformerTest {
    private final List<String> refused = new ArrayList<>();
    private final List<String> woven = new ArrayList<>();
    private final AgentListener listener = new AgentListener(false) {
        @Override
        void woven(String className) {
            woven.add(className);
        }

        @Override
        void refused(String className, Iterable<?> problems) {
            problems.forEach(p -> refused.add(String.valueOf(p)));
        }

        @Override
        void failed(String className, Throwable failure) {
            refused.add("failed " + className + ": " + failure);
        }
    };
    private final WeavingTransformer transformer = new WeavingTransformer(AgentOptions.DEFAULT, listener);
    private final ClassLoader app = getClass().getClassLoader();

    private static Path jarOf(Class<?> c) throws URISyntaxException {
        return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void classesWithoutAsyncAreLeftAloneByteForByte() throws Exception {
        int seen = 0;
        for (Class<?> library : new Class<?>[] {org.objectweb.asm.ClassReader.class, Test.class,
                org.objectweb.asm.util.CheckClassAdapter.class}) {
            try (ZipFile jar = new ZipFile(jarOf(library).toFile())) {
                for (ZipEntry entry : Collections.list(jar.entries())) {
                    if (!entry.getName().endsWith(".class") || entry.getName().contains("module-info")) {
                        continue;
                    }
                    byte[] bytes;
                    try (InputStream in = jar.getInputStream(entry)) {
                        bytes = in.readAllBytes();
                    }
                    String name = entry.getName().substring(0, entry.getName().length() - 6);
                    assertNull(transformer.transform(app, name, null, null, bytes), name);
                    seen++;
                }
            }
        }
        assertTrue(seen > 200, "only " + seen + " classes");
        assertEquals(List.of(), woven);
        assertEquals(List.of(), refused);
    }

    @Test
    void asyncClassesAreWovenAndRefusalsReportedOnce() {
        String target = "dev.weft.weaver.targets.Basics";
        assertNotNull(transformer.transform(app, target.replace('.', '/'), null, null,
                WeavingClassLoader.original(target)));
        assertEquals(List.of("dev/weft/weaver/targets/Basics"), woven);
        assertNull(transformer.transform(null, "java/lang/String", null, null, new byte[0]),
                "bootstrap classes are passed over unread");
        byte[] bad = WeavingClassLoader.original("dev.weft.weaver.refusals.TwoProblems");
        assertNull(transformer.transform(app, "dev/weft/weaver/refusals/TwoProblems", null, null, bad));
        assertEquals(2, refused.size(), refused.toString());
        assertTrue(refused.get(0).contains("TwoProblems.first(TwoProblems.java:15)"), refused.get(0));
    }

    @Test
    void aCrashInsideTheTransformerIsReportedAndTheClassLoadsUnchanged() {
        byte[] truncated = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 9};
        assertNull(transformer.transform(app, "com/example/Broken", null, null, truncated));
        assertEquals(1, refused.size(), refused.toString());
    }

    @Test
    void aClassDefinedWithoutANameIsWovenUnderTheNameInItsBytes() {
        byte[] original = WeavingClassLoader.original("dev.weft.weaver.targets.Basics");

        byte[] woven = transformer.transform(app, null, null, null, original);

        assertArrayEquals(new Weaver().weave(original).bytes(), woven);
        assertEquals(List.of("dev/weft/weaver/targets/Basics"), this.woven);
        WeavingTransformer excluding = new WeavingTransformer(AgentOptions.parse("exclude=dev.weft.weaver.targets"),
                listener);
        assertNull(excluding.transform(app, null, null, null, original), "the name read is checked as any other");
    }

    @Test
    void hostileBytesAreWovenOrReportedByTheirFileAndNothingEscapes() {
        Weaver weaver = new Weaver();
        int refusals = 0;
        for (HostileInputCorpus.Variant variant : HostileInputCorpus.variants()) {
            for (String name : Arrays.asList("dev/weft/weaver/targets/Basics", null)) {
                refused.clear();
                byte[] result = transformer.transform(app, name, null, null, variant.bytes());
                WeaveResult expected = weaver.weave(variant.bytes());
                // Without a name given, the one in the bytes decides, and a flip may make it one of Weft's own.
                boolean selected = name != null || expected.className() == null
                        || !WeavingTransformer.isWeftItself(expected.className().replace('.', '/'));
                if (expected.outcome() == WeaveResult.Outcome.WOVEN && selected) {
                    assertArrayEquals(expected.bytes(), result, variant.name());
                } else {
                    assertNull(result, variant.name());
                }
                for (String line : refused) {
                    assertFalse(line.startsWith("failed"), variant.name() + ": " + line);
                    assertTrue(line.contains("Basics") || line.contains("a class defined without a name"),
                            variant.name() + ": " + line);
                }
                refusals += refused.size();
            }
        }
        assertTrue(refusals > HostileInputCorpus.SIZE, "refusals: " + refusals);
    }

    @Test
    void aListenerThatFailsTooDoesNotLetTheFailureEscape() {
        AgentListener broken = new AgentListener(false) {
            @Override
            void refused(String className, Iterable<?> problems) {
                throw new IllegalStateException("cannot log");
            }

            @Override
            void failed(String className, Throwable failure) {
                throw new StackOverflowError("cannot log either");
            }
        };
        WeavingTransformer withBrokenLogging = new WeavingTransformer(AgentOptions.DEFAULT, broken);

        assertNull(withBrokenLogging.transform(app, null, null, null,
                HostileInputCorpus.truncatedInTrailingAttributes()));
    }

    @Test
    void theKeepLocalsOptionReachesTheWeaver() {
        String target = "dev.weft.weaver.targets.Reachability";
        byte[] original = WeavingClassLoader.original(target);
        WeavingTransformer keeping = new WeavingTransformer(AgentOptions.parse("keepLocals"), listener);

        byte[] woven = keeping.transform(app, target.replace('.', '/'), null, null, original);

        assertArrayEquals(new Weaver().keepingLocals().weave(original).bytes(), woven);
        assertFalse(Arrays.equals(new Weaver().weave(original).bytes(), woven), "a dead local is saved");
    }

    @Test
    void weftItselfIsNeverWoven() {
        assertTrue(WeavingTransformer.isWeftItself("dev/weft/Weft"));
        assertTrue(WeavingTransformer.isWeftItself("dev/weft/internal/Coroutine"));
        assertTrue(WeavingTransformer.isWeftItself("dev/weft/agent/shaded/asm/ClassReader"));
        assertTrue(WeavingTransformer.isWeftItself("dev/weft/weaver/internal/ClassWeaver"));
        assertTrue(WeavingTransformer.isWeftItself("dev/weft/weaver/Weaver"));
        assertEquals(false, WeavingTransformer.isWeftItself("dev/weft/weaver/targets/Basics"));
        assertEquals(false, WeavingTransformer.isWeftItself("dev/weftish/Thing"));
    }
}
