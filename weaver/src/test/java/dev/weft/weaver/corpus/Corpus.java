package dev.weft.weaver.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The real-world corpus: every class file of Guava, Byte Buddy and commons-lang3 (test dependencies of this module,
 * pinned in the parent pom), none of which uses Weft. Byte Buddy brings two builds of each class: the base one at
 * class-file version 49 (Java 5, no stack map frames) and a multi-release copy at version 52 under
 * {@code META-INF/versions/9}, so the corpus has both kinds.
 *
 * <p>Read once per test JVM and shared: about 8,000 class files, some 20 MB.
 */
public final class Corpus {
    /** One class file of the corpus: the jar's short name, the entry's path in the jar, the bytes. */
    public record Entry(String jar, String path, byte[] bytes) {
        public int major() {
            return ((bytes[6] & 0xFF) << 8) | (bytes[7] & 0xFF);
        }

        @Override
        public String toString() {
            return jar + "!/" + path;
        }
    }

    /** A class file of each corpus jar, to find the jar on the class path without loading anything from it. */
    private static final String[] MARKERS = {
        "com/google/common/collect/ImmutableList.class",
        "net/bytebuddy/ByteBuddy.class",
        "org/apache/commons/lang3/StringUtils.class",
    };

    private static final List<Entry> ENTRIES = read();

    private Corpus() {
    }

    /** Every class file of every corpus jar, in jar order. */
    public static List<Entry> all() {
        return ENTRIES;
    }

    /** The class files that carry stack map frames (version 50 or later): the ones the weaver can weave. */
    public static List<Entry> withFrames() {
        List<Entry> framed = new ArrayList<>();
        for (Entry e : ENTRIES) {
            if (e.major() >= 50 && !e.path().endsWith("module-info.class")) {
                framed.add(e);
            }
        }
        return framed;
    }

    private static List<Entry> read() {
        List<Entry> entries = new ArrayList<>();
        for (String marker : MARKERS) {
            Path jar = jarOf(marker);
            try (JarFile file = new JarFile(jar.toFile())) {
                Enumeration<JarEntry> e = file.entries();
                while (e.hasMoreElements()) {
                    JarEntry entry = e.nextElement();
                    if (!entry.getName().endsWith(".class")) {
                        continue;
                    }
                    try (InputStream in = file.getInputStream(entry)) {
                        entries.add(new Entry(jar.getFileName().toString(), entry.getName(), in.readAllBytes()));
                    }
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return Collections.unmodifiableList(entries);
    }

    private static Path jarOf(String marker) {
        URL url = Corpus.class.getClassLoader().getResource(marker);
        if (url == null || !url.getProtocol().equals("jar")) {
            throw new IllegalStateException("corpus jar holding " + marker + " is not on the test class path: " + url);
        }
        String file = url.getPath().substring(0, url.getPath().indexOf("!/"));
        return Path.of(URI.create(file));
    }
}
