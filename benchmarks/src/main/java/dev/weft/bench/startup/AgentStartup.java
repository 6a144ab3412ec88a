package dev.weft.bench.startup;

import dev.weft.bench.ChildJvm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Start-up of an application with no {@code @Async} class ({@link ClassLoadingApp}): the wall time of a child JVM
 * run to its end, without an agent, under an agent that changes nothing, and under the Weft agent. One shot per
 * launch; the child JVMs are the same Java as this one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 15)
@Fork(1)
public class AgentStartup {
    @Param({"none", "empty", "weft"})
    public String agent;

    @Param({"classpath", "jdk"})
    public String classes;

    @Param("3000")
    public int classCount;

    private Path agentDirectory;
    private List<String> command;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        agentDirectory = Files.createTempDirectory("weft-bench-agents");
        List<String> jvmOptions = new ArrayList<>();
        switch (agent) {
            case "none" -> { }
            case "empty" -> jvmOptions.add("-javaagent:" + AgentJars.empty(agentDirectory));
            case "weft" -> jvmOptions.add("-javaagent:" + AgentJars.weft(agentDirectory));
            default -> throw new IllegalArgumentException("unknown agent: " + agent);
        }
        command = ChildJvm.command(jvmOptions,
                List.of(ClassLoadingApp.class.getName(), classes, Integer.toString(classCount)));
    }

    @TearDown(Level.Trial)
    public void deleteAgents() throws IOException {
        try (Stream<Path> files = Files.walk(agentDirectory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** @return how many classes the application loaded */
    @Benchmark
    public int launch() throws IOException, InterruptedException {
        String output = ChildJvm.run(command).strip();
        return Integer.parseInt(output.substring(output.lastIndexOf(' ') + 1));
    }
}
