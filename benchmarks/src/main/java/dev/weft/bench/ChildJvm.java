package dev.weft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a main class in a fresh JVM of the same Java, on this JVM's class path. */
public final class ChildJvm {
    /** The virtual-thread scheduler on a single carrier thread, as a Weft loop or runBlocking has one thread. */
    public static final List<String> ONE_CARRIER = List.of(
            "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1");

    private ChildJvm() {
    }

    /** The command line: this JVM's java, {@code jvmOptions}, this class path, then the main class and its args. */
    public static List<String> command(List<String> jvmOptions, List<String> mainAndArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(mainAndArgs);
        return command;
    }

    /** Runs the command and returns what it printed (standard output and error together); fails unless it exits 0. */
    public static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException("exit status " + status + " from " + command + ":\n" + output);
        }
        return output;
    }

    /** {@link #run(List)} of {@link #command(List, List)}. */
    public static String run(List<String> jvmOptions, List<String> mainAndArgs)
            throws IOException, InterruptedException {
        return run(command(jvmOptions, mainAndArgs));
    }
}
