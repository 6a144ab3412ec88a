package dev.weft.agent;

import dev.weft.weaver.validation.WeavingClassLoader;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
