package dev.weft.weaver;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Weaves class files in place, for any build tool: {@code java -jar weft-weaver-VERSION-cli.jar [--keep-locals]
 * DIR_OR_JAR...}.
 *
 * <p>Each argument is a directory (every {@code .class} file under it) or a jar. Woven classes replace the originals;
 * classes without {@code @Async} and classes already woven are left alone, so running twice is harmless.
 * {@code --keep-locals} weaves for debugging ({@link Weaver#keepingLocals()}).
 *
 * <p>Standard output gets one summary line, {@code weft: 3 woven, 120 untouched, 0 refused}. Exit status 0 when
 * nothing is refused; 1 with one line per problem on standard error (class, method, {@code File.java:line}, what to
 * do; for a damaged or foreign file, its path or {@code app.jar!/entry}); 2 for bad arguments (then nothing is woven)
 * or a directory or jar that cannot be read or written. Classes with problems are left unwoven; the others are woven,
 * and a jar or directory that fails does not stop the next. No file is left half written: a class file or jar is
 * replaced in one step (see {@link FileReplacement}), and a jar that fails part way is left as it was.
 */
public final class Main {
    private static final String USAGE = "usage: java -jar weft-weaver-VERSION-cli.jar [--keep-locals] DIR_OR_JAR...";
    private static final String KEEP_LOCALS = "--keep-locals";

    private final Weaver weaver;
    private final List<Problem> problems = new ArrayList<>();
    private int woven;
    private int untouched;
    private int refused;

    private Main(Weaver weaver) {
        this.weaver = weaver;
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the tool, printing the summary to {@code out} and problems to {@code err}; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean keepLocals = false;
        List<Path> paths = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals(KEEP_LOCALS)) {
                keepLocals = true;
            } else if (arg.startsWith("-")) {
                err.println("weft: unknown option '" + arg + "'; " + USAGE);
                return 2;
            } else {
                Path path = Paths.get(arg);
                if (!Files.isDirectory(path) && !(Files.isRegularFile(path) && arg.endsWith(".jar"))) {
                    err.println("weft: not a directory or a jar: " + arg);
                    return 2;
                }
                paths.add(path);
            }
        }
        if (paths.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        Main main = new Main(keepLocals ? new Weaver().keepingLocals() : new Weaver());
        boolean failed = false;
        for (Path path : paths) {
            try {
                if (Files.isDirectory(path)) {
                    main.weaveDirectory(path);
                } else {
                    main.weaveJar(path);
                }
            } catch (IOException e) {
                err.println("weft: cannot weave " + path + ", left as it was: " + e);
                failed = true;
            }
        }
        for (Problem p : main.problems) {
            err.println(p);
        }
        out.println("weft: " + main.woven + " woven, " + main.untouched + " untouched, " + main.refused + " refused");
        return failed ? 2 : main.problems.isEmpty() ? 0 : 1;
    }

    private void weaveDirectory(Path dir) throws IOException {
        DirectoryWeaver.Report report = new DirectoryWeaver(weaver).weave(dir);
        woven += report.wovenClasses().size();
        untouched += report.untouchedCount();
        refused += report.refusedClasses().size();
        problems.addAll(report.problems());
    }

    /**
     * Weaves the class entries of {@code jar} into a copy, which replaces the jar only if some class was woven and
     * every entry was read and written. Counts and problems are kept only then: a jar that fails is left whole.
     */
    private void weaveJar(Path jar) throws IOException {
        int wovenHere = 0;
        int untouchedHere = 0;
        int refusedHere = 0;
        List<Problem> problemsHere = new ArrayList<>();
        try (ZipFile in = new ZipFile(jar.toFile()); FileReplacement replacement = new FileReplacement(jar)) {
            try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(replacement.output()))) {
                for (ZipEntry entry : Collections.list(in.entries())) {
                    String origin = jar + "!/" + entry.getName();
                    byte[] data;
                    try (InputStream stream = in.getInputStream(entry)) {
                        data = stream.readAllBytes();
                    } catch (IOException damaged) {
                        throw new IOException("cannot read " + origin + ": " + damaged, damaged);
                    }
                    if (entry.getName().endsWith(".class") && !entry.isDirectory()) {
                        WeaveResult result = weaver.weave(data, origin);
                        switch (result.outcome()) {
                            case WOVEN:
                                data = result.bytes();
                                wovenHere++;
                                break;
                            case REFUSED:
                                problemsHere.addAll(result.problems());
                                refusedHere++;
                                break;
                            default:
                                untouchedHere++;
                                break;
                        }
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    out.write(data);
                    out.closeEntry();
                }
            }
            if (wovenHere > 0) {
                replacement.commit();
            }
        }
        woven += wovenHere;
        untouched += untouchedHere;
        refused += refusedHere;
        problems.addAll(problemsHere);
    }
}
