package dev.weft.weaver.corpus;

import dev.weft.weaver.validation.DefiningClassLoader;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A class loader that defines the corpus classes itself, child-first, with some replaced (by their woven twins), so
 * that the JVM verifies a replaced class against supertypes and neighbours from the same loader. Everything else (the
 * JDK, the Weft runtime, the corpus jars' own dependencies) comes from the parent. Of Byte Buddy's multi-release
 * copies, the one the running JVM would pick is used.
 */
final class CorpusLoader {
    private final Map<String, byte[]> classes = new HashMap<>();
    private final Map<String, Integer> releaseOf = new HashMap<>();
    private final Map<String, String> entryOf = new HashMap<>();
    private final Set<String> served = new HashSet<>();

    private final ClassLoader loader;

    CorpusLoader(Map<String, byte[]> replacements) {
        int feature = Runtime.version().feature();
        for (Corpus.Entry e : Corpus.all()) {
            String path = e.path();
            int release = 8;
            if (path.startsWith("META-INF/versions/")) {
                String rest = path.substring("META-INF/versions/".length());
                release = Integer.parseInt(rest.substring(0, rest.indexOf('/')));
                path = rest.substring(rest.indexOf('/') + 1);
            }
            String name = path.substring(0, path.length() - ".class".length()).replace('/', '.');
            if (name.endsWith("module-info") || release > feature || releaseOf.getOrDefault(name, 0) > release) {
                continue;
            }
            releaseOf.put(name, release);
            entryOf.put(name, e.toString());
            classes.put(name, replacements.getOrDefault(e.toString(), e.bytes()));
        }
        served.addAll(entryOf.values());
        loader = new DefiningClassLoader(CorpusLoader.class.getClassLoader(), classes);
    }

    /** The loader that defines the corpus. */
    ClassLoader loader() {
        return loader;
    }

    /** True if this loader defines {@code entry}'s class from that entry (not from another multi-release copy). */
    boolean serves(Corpus.Entry entry) {
        return served.contains(entry.toString());
    }
}
