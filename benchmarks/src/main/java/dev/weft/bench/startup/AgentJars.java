package dev.weft.bench.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** The agent jars the start-up benchmark passes to {@code -javaagent}, written to a temporary directory. */
final class AgentJars {
    private AgentJars() {
    }

    /** The Weft agent's shaded jar, which the build puts inside this module's classes. */
    static Path weft(Path directory) throws IOException {
        Path jar = directory.resolve("weft-agent.jar");
        try (InputStream in = AgentJars.class.getResourceAsStream("weft-agent.jar")) {
            if (in == null) {
                throw new IllegalStateException("weft-agent.jar is missing from the benchmarks' classes");
            }
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        return jar;
    }

    /** A jar holding only a manifest naming {@link EmptyAgent}, which loads from the application's class path. */
    static Path empty(Path directory) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), EmptyAgent.class.getName());
        Path jar = directory.resolve("empty-agent.jar");
        try (OutputStream out = Files.newOutputStream(jar);
             JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
