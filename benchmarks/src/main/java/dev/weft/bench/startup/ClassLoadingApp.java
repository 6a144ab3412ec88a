package dev.weft.bench.startup;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The application the start-up benchmark launches: it has no {@code @Async} class, loads (without initializing)
 * {@code COUNT} classes and prints how many loaded. {@code ClassLoadingApp classpath COUNT} loads Kotlin's and
 * kotlinx-coroutines' classes from the class path, through the application class loader, which the Weft agent
 * inspects (its constant-pool scan); {@code ClassLoadingApp jdk COUNT} loads JDK classes, most of which come from the
 * boot loader that the agent passes over without reading them.
 */
public final class ClassLoadingApp {
    private static final List<String> CLASS_PATH_PACKAGES = List.of("kotlin/", "kotlinx/");
    private static final List<String> JDK_MODULES = List.of("java.base", "java.desktop", "java.sql", "java.xml");

    private ClassLoadingApp() {
    }

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[1]);
        List<String> names = switch (args[0]) {
            case "classpath" -> classPathClasses(count);
            case "jdk" -> jdkClasses(count);
            default -> throw new IllegalArgumentException("classpath or jdk, not " + args[0]);
        };
        int loaded = 0;
        ClassLoader loader = ClassLoadingApp.class.getClassLoader();
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // a class whose optional dependency is absent: not counted
            }
        }
        System.out.println("loaded " + loaded);
    }

    private static List<String> classPathClasses(int count) throws IOException {
        List<String> names = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (names.size() >= count) {
                break;
            }
            if (entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(entry)) {
                    jar.stream().map(JarEntry::getName).filter(ClassLoadingApp::isClassPathCandidate)
                            .limit(count - names.size()).forEach(name -> names.add(toClassName(name)));
                }
            }
        }
        return names;
    }

    private static boolean isClassPathCandidate(String entry) {
        return entry.endsWith(".class") && !entry.endsWith("module-info.class")
                && CLASS_PATH_PACKAGES.stream().anyMatch(entry::startsWith);
    }

    private static List<String> jdkClasses(int count) throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        List<String> names = new ArrayList<>();
        for (String module : JDK_MODULES) {
            Path root = jrt.getPath("/modules", module);
            try (Stream<Path> files = Files.walk(root)) {
                files.map(file -> root.relativize(file).toString())
                        .filter(name -> name.endsWith(".class") && !name.endsWith("module-info.class"))
                        .sorted().limit(count - names.size()).forEach(name -> names.add(toClassName(name)));
            }
            if (names.size() >= count) {
                break;
            }
        }
        return names;
    }

    private static String toClassName(String entry) {
        return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    }
}
