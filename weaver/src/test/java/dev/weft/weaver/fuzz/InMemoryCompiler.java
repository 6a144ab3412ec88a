package dev.weft.weaver.fuzz;

import dev.weft.Task;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiles one source file in memory with the JDK's javac ({@code --release 17 -g}, so the class files carry the
 * line and local variable tables the weaver keeps), against the Weft runtime, and returns the class files by binary
 * name. One instance reuses javac's file manager from one compilation to the next.
 */
final class InMemoryCompiler {
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final StandardJavaFileManager files;
    private final List<String> options;

    InMemoryCompiler() {
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK, not a JRE");
        }
        files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        options = List.of("--release", "17", "-g", "-proc:none", "-nowarn", "-classpath", runtimeClassPath());
    }

    private static String firstLines(String text, int count) {
        String[] lines = text.split("\n");
        return String.join("\n", java.util.Arrays.asList(lines).subList(0, Math.min(count, lines.length)));
    }

    /** Where the Weft runtime's classes are (a directory in the reactor, or a jar). */
    private static String runtimeClassPath() {
        try {
            return new File(Task.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Compiles {@code source}, the unit of public class {@code binaryName}.
     *
     * @throws IllegalArgumentException with javac's errors if it does not compile
     */
    Map<String, byte[]> compile(String binaryName, String source) {
        Map<String, ByteArrayOutputStream> outputs = new TreeMap<>();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        ForwardingJavaFileManager<StandardJavaFileManager> memory = new ForwardingJavaFileManager<>(files) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension),
                        kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return outputs.computeIfAbsent(className, name -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(
                URI.create("string:///" + binaryName.replace('.', '/') + JavaFileObject.Kind.SOURCE.extension),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StringWriter javacOutput = new StringWriter();
        boolean ok;
        try {
            ok = javac.getTask(javacOutput, memory, diagnostics, options, null, List.of(unit)).call();
        } catch (RuntimeException crash) {
            ok = false;
            javacOutput.append(crash.toString());
        }
        if (!ok) {
            StringBuilder errors = new StringBuilder("javac rejects " + binaryName + ":\n");
            if (diagnostics.getDiagnostics().isEmpty()) {
                errors.append(firstLines(javacOutput.toString(), 12)).append('\n');   // a crash of javac itself
            }
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.append("line ").append(d.getLineNumber()).append(": ").append(d.getMessage(null))
                            .append('\n');
                }
            }
            throw new IllegalArgumentException(errors.toString());
        }
        Map<String, byte[]> classes = new TreeMap<>();
        outputs.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }
}
