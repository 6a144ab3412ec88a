package dev.weft.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Chooses class files by Ant-style include and exclude patterns over their paths relative to the classes directory,
 * with {@code /} separators ({@code com/example/Foo.class}).
 *
 * <p>In a pattern, {@code *} matches any characters within one path segment, {@code ?} matches one character, and a
 * segment {@code **} matches zero or more whole segments; {@code \} is read as {@code /}, and a pattern ending in
 * {@code /} means everything below that folder ({@code com/example/} is {@code com/example/**}). A path is selected
 * when it matches some include (or there are no includes) and no exclude.
 */
final class ClassFileSelector implements Predicate<String> {
    private static final String ANY_DIRECTORIES = "**";

    private final List<String[]> includes;
    private final List<String[]> excludes;

    ClassFileSelector(List<String> includes, List<String> excludes) {
        this.includes = parse(includes);
        this.excludes = parse(excludes);
    }

    @Override
    public boolean test(String relativePath) {
        String[] path = relativePath.split("/");
        return (includes.isEmpty() || matchesAny(includes, path)) && !matchesAny(excludes, path);
    }

    /** Whether {@code path} (relative, {@code /}-separated) matches the Ant-style {@code pattern}. */
    static boolean matches(String pattern, String path) {
        return matches(segments(pattern), 0, path.split("/"), 0);
    }

    private static List<String[]> parse(List<String> patterns) {
        List<String[]> parsed = new ArrayList<>();
        if (patterns != null) {
            for (String pattern : patterns) {
                if (pattern != null && !pattern.isBlank()) {
                    parsed.add(segments(pattern));
                }
            }
        }
        return parsed;
    }

    private static String[] segments(String pattern) {
        String normalized = pattern.trim().replace('\\', '/');
        while (normalized.startsWith("/")) {
            normalized = normalized.substring(1);
        }
        if (normalized.endsWith("/")) {
            normalized += ANY_DIRECTORIES;
        }
        return normalized.split("/+");
    }

    private static boolean matchesAny(List<String[]> patterns, String[] path) {
        for (String[] pattern : patterns) {
            if (matches(pattern, 0, path, 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String[] pattern, int patternIndex, String[] path, int pathIndex) {
        int p = patternIndex;
        int s = pathIndex;
        while (p < pattern.length) {
            if (pattern[p].equals(ANY_DIRECTORIES)) {
                while (p + 1 < pattern.length && pattern[p + 1].equals(ANY_DIRECTORIES)) {
                    p++;
                }
                if (p + 1 == pattern.length) {
                    return true;
                }
                for (int skipped = s; skipped <= path.length; skipped++) {
                    if (matches(pattern, p + 1, path, skipped)) {
                        return true;
                    }
                }
                return false;
            }
            if (s == path.length || !segmentMatches(pattern[p], path[s])) {
                return false;
            }
            p++;
            s++;
        }
        return s == path.length;
    }

    /** Wildcard match of one segment: {@code *} is any run of characters, {@code ?} any one character. */
    private static boolean segmentMatches(String pattern, String segment) {
        int p = 0;
        int s = 0;
        int lastStar = -1;
        int segmentAtLastStar = 0;
        while (s < segment.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == segment.charAt(s))) {
                p++;
                s++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                lastStar = p++;
                segmentAtLastStar = s;
            } else if (lastStar >= 0) {
                p = lastStar + 1;
                s = ++segmentAtLastStar;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
