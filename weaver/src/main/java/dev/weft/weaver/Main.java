package dev.weft.weaver;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Weaves class files in place, for any build tool: {@code java -jar weft-weaver.jar DIR_OR_JAR...}.
 *
 * <p>Each argument is a directory (every {@code .class} file under it) or a jar. Woven classes replace the originals;
 * classes without {@code @Async} and classes already woven are left alone, so running twice is harmless. Exit status 0
 * when everything is woven, 1 with one line per problem on standard error (class, method, {@code File.java:line},
 * what to do), 2 for bad arguments or unreadable files. Classes with problems are left unwoven; the others are woven.
 */
public final class Main {
    private final Weaver weaver = new Weaver();
    private final PrintStream err;
    private final List<Problem> problems = new ArrayList<>();

    private Main(PrintStream err) {
        this.err = err;
    }

    public static void main(String[] args) {
        int status = run(args, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the tool; returns the exit status. */
    public static int run(String[] args, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: java -jar weft-weaver.jar DIR_OR_JAR...");
            return 2;
        }
        Main main = new Main(err);
        try {
            for (String arg : args) {
                Path path = Paths.get(arg);
                if (Files.isDirectory(path)) {
                    main.weaveDirectory(path);
                } else if (Files.isRegularFile(path) && arg.endsWith(".jar")) {
                    main.weaveJar(path);
                } else {
                    err.println("weft: not a directory or a jar: " + arg);
                    return 2;
                }
            }
        } catch (IOException e) {
            err.println("weft: " + e);
            return 2;
        }
        for (Problem p : main.problems) {
            err.println(p);
        }
        return main.problems.isEmpty() ? 0 : 1;
    }

    private void weaveDirectory(Path dir) throws IOException {
        problems.addAll(new DirectoryWeaver(weaver).weave(dir).problems());
    }

    private void weaveJar(Path jar) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".weft-tmp");
        boolean changed = false;
        try (ZipFile in = new ZipFile(jar.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] data;
                try (InputStream stream = in.getInputStream(entry)) {
                    data = stream.readAllBytes();
                }
                if (entry.getName().endsWith(".class") && !entry.isDirectory()) {
                    byte[] result = weave(data);
                    if (result != null) {
                        data = result;
                        changed = true;
                    }
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        }
        if (changed) {
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(tmp);
        }
    }

    /** @return the woven bytes, or null to keep the file as it is */
    private byte[] weave(byte[] classFile) {
        WeaveResult result = weaver.weave(classFile);
        switch (result.outcome()) {
            case WOVEN:
                return result.bytes();
            case REFUSED:
                problems.addAll(result.problems());
                return null;
            default:
                return null;
        }
    }
}
