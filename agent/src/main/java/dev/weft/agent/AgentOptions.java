package dev.weft.agent;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code -javaagent:weft-agent.jar=OPTIONS}: a comma-separated list of
 * <ul>
 *   <li>{@code verbose}: log each woven class;</li>
 *   <li>{@code dump=DIR}: also write each woven class to {@code DIR/pkg/Name.class} for inspection;</li>
 *   <li>{@code include=PREFIX:PREFIX...}: weave only classes whose name starts with one of these package prefixes
 *       ({@code com.example} or {@code com.example.}); default: all;</li>
 *   <li>{@code exclude=PREFIX:PREFIX...}: never weave these;</li>
 *   <li>{@code keepLocals}: weave for debugging, saving every local at an await, live or dead, so that a debugger
 *       shows it after the await ({@code Weaver.keepingLocals()}); suspended tasks then keep more memory.</li>
 * </ul>
 */
final class AgentOptions {
    final boolean verbose;
    final boolean keepLocals;
    final Path dump;
    private final List<String> includes;
    private final List<String> excludes;

    private AgentOptions(boolean verbose, boolean keepLocals, Path dump, List<String> includes, List<String> excludes) {
        this.verbose = verbose;
        this.keepLocals = keepLocals;
        this.dump = dump;
        this.includes = includes;
        this.excludes = excludes;
    }

    static final AgentOptions DEFAULT = new AgentOptions(false, false, null, List.of(), List.of());

    /**
     * Parses {@code text} (may be null or empty).
     *
     * @throws IllegalArgumentException naming the option at fault
     */
    static AgentOptions parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        boolean verbose = false;
        boolean keepLocals = false;
        Path dump = null;
        List<String> includes = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        for (String option : text.split(",")) {
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')).trim() : option.trim();
            String value = option.contains("=") ? option.substring(option.indexOf('=') + 1).trim() : null;
            switch (name) {
                case "verbose":
                    verbose = value == null || Boolean.parseBoolean(value);
                    break;
                case "keepLocals":
                    keepLocals = value == null || Boolean.parseBoolean(value);
                    break;
                case "dump":
                    dump = Paths.get(required(name, value));
                    break;
                case "include":
                    includes.addAll(prefixes(required(name, value)));
                    break;
                case "exclude":
                    excludes.addAll(prefixes(required(name, value)));
                    break;
                default:
                    throw new IllegalArgumentException("unknown Weft agent option '" + option.trim()
                            + "'; known: verbose, keepLocals, dump=DIR, include=PREFIX:PREFIX, exclude=PREFIX:PREFIX");
            }
        }
        return new AgentOptions(verbose, keepLocals, dump, List.copyOf(includes), List.copyOf(excludes));
    }

    private static String required(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Weft agent option '" + name + "' needs a value: " + name + "=...");
        }
        return value;
    }

    /** Prefixes in internal form ({@code com/example/}), so they match class names as the JVM gives them. */
    private static List<String> prefixes(String value) {
        List<String> out = new ArrayList<>();
        for (String p : value.split(":")) {
            String prefix = p.trim().replace('.', '/');
            if (!prefix.isEmpty()) {
                out.add(prefix.endsWith("/") ? prefix : prefix + "/");
            }
        }
        return out;
    }

    /** @param internalName a class name such as {@code com/example/Foo} */
    boolean selects(String internalName) {
        for (String prefix : excludes) {
            if (internalName.startsWith(prefix)) {
                return false;
            }
        }
        if (includes.isEmpty()) {
            return true;
        }
        for (String prefix : includes) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
