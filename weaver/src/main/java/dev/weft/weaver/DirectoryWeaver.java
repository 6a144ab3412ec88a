package dev.weft.weaver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Weaves the class files under a directory in place, for {@link Main} and the Maven goals.
 *
 * <p>Files are visited in path order. A woven class replaces its file atomically: it is written to a temporary file
 * created fresh beside it ({@code Foo.class.123456.weft-tmp}) that is then moved over the original, so no class file
 * is ever left half written (see {@link FileReplacement}). Untouched and refused classes are not written, so their
 * files keep their bytes and timestamps. A file that is not a class file, or is damaged, is refused with a problem
 * naming its path; it never stops the walk. Classes already woven are passed over by the
 * {@link Weaver}, so weaving a directory again (an incremental build) changes nothing that was woven before. A refused
 * class does not stop the walk: every other class is still woven, and the {@link Report} lists each problem.
 * An instance holds no state of its own: one may serve any number of threads, on different directories.
 */
public final class DirectoryWeaver {
    private static final String CLASS_SUFFIX = ".class";

    private final Weaver weaver;

    /** Creates a directory weaver that weaves each class with {@code weaver}. */
    public DirectoryWeaver(Weaver weaver) {
        this.weaver = weaver;
    }

    /** Weaves every {@code .class} file under {@code directory}; see {@link #weave(Path, Predicate)}. */
    public Report weave(Path directory) throws IOException {
        return weave(directory, relativePath -> true);
    }

    /**
     * Weaves the {@code .class} files under {@code directory} that {@code selected} accepts, in place.
     *
     * @param directory the root of a class-file tree, such as {@code target/classes}
     * @param selected tests each class file's path relative to {@code directory}, with {@code /} as the separator
     *     whatever the platform ({@code com/example/Foo.class}); files it rejects are neither read nor counted
     * @return what happened to the selected classes
     * @throws IOException if the directory cannot be walked, or a class file read or written; classes woven before
     *     the failure stay woven
     */
    public Report weave(Path directory, Predicate<String> selected) throws IOException {
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(directory)) {
            classFiles = files.filter(p -> p.getFileName().toString().endsWith(CLASS_SUFFIX) && Files.isRegularFile(p))
                    .filter(p -> selected.test(relativePath(directory, p)))
                    .sorted()
                    .collect(Collectors.toList());
        }
        List<String> wovenClasses = new ArrayList<>();
        List<String> refusedClasses = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int untouched = 0;
        for (Path file : classFiles) {
            WeaveResult result = weaver.weave(Files.readAllBytes(file), file.toString());
            switch (result.outcome()) {
                case WOVEN:
                    FileReplacement.write(file, result.bytes());
                    wovenClasses.add(result.className());
                    break;
                case REFUSED:
                    refusedClasses.add(result.className() != null ? result.className() : relativePath(directory, file));
                    problems.addAll(result.problems());
                    break;
                default:
                    untouched++;
                    break;
            }
        }
        return new Report(wovenClasses, untouched, refusedClasses, problems);
    }

    private static String relativePath(Path directory, Path file) {
        return directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /**
     * What weaving a directory did.
     *
     * @param wovenClasses the classes woven and written back, in Java form ({@code com.example.Outer$Inner}), in
     *     path order
     * @param untouchedCount how many classes needed no weaving (no {@code @Async}, or woven already)
     * @param refusedClasses the classes left as they were because they break a weaving rule or cannot be read (by
     *     their path relative to the directory when the class cannot be told)
     * @param problems each reason a class was refused, in the form {@code pkg.Cls.method(Cls.java:12): message}, or
     *     {@code dir/pkg/Cls.class: message} for a file too damaged to name its class
     */
    public record Report(List<String> wovenClasses, int untouchedCount, List<String> refusedClasses,
                         List<Problem> problems) {
        public Report {
            wovenClasses = List.copyOf(wovenClasses);
            refusedClasses = List.copyOf(refusedClasses);
            problems = List.copyOf(problems);
        }
    }
}
