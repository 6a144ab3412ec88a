package dev.weft.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shaded agent jar in forked JVMs: applications whose classes are not woven run under {@code -javaagent} and after
 * {@code WeftAgent.install()}; refusals are reported once and fail loudly; classes without {@code @Async} are left
 * alone. Runs after {@code package} (the jar's path comes from the system property {@code weft.agent.jar}).
 */
class ForkedAgentIT {
    private static final Path AGENT = Paths.get(System.getProperty("weft.agent.jar", "missing"));

    @TempDir
    Path dump;

    /** Output and error of one JVM, with its exit status. */
    private static final class Run {
        final int status;
        final String out;
        final String err;

        Run(int status, String out, String err) {
            this.status = status;
            this.out = out;
            this.err = err;
        }

        @Override
        public String toString() {
            return "exit " + status + "\nout:\n" + out + "\nerr:\n" + err;
        }
    }

    /** The runtime and the test apps, nothing of the weaver, ASM or Byte Buddy: those come from the agent jar. */
    private static String appClassPath() throws Exception {
        Path runtime = Paths.get(dev.weft.Weft.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path apps = Paths.get(com.example.agentapps.HelloApp.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        return runtime + File.pathSeparator + apps;
    }

    private Run java(List<String> jvmArgs, String mainClass) throws Exception {
        return java(jvmArgs, appClassPath(), mainClass);
    }

    private Run java(List<String> jvmArgs, String classPath, String mainClass) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        Path out = Files.createTempFile(dump.getParent(), "out", ".txt");
        Path err = Files.createTempFile(dump.getParent(), "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "JVM did not finish: " + command);
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theAgentJarIsSelfContainedWithItsDependenciesRelocated() throws Exception {
        assertTrue(Files.isRegularFile(AGENT), "no agent jar at " + AGENT);
        try (JarFile jar = new JarFile(AGENT.toFile())) {
            assertEquals("dev.weft.agent.WeftAgent", jar.getManifest().getMainAttributes().getValue("Premain-Class"));
            assertEquals("dev.weft.agent.WeftAgent", jar.getManifest().getMainAttributes().getValue("Agent-Class"));
            assertEquals("true", jar.getManifest().getMainAttributes().getValue("Can-Retransform-Classes"));
            assertNotNull(jar.getEntry("dev/weft/agent/shaded/asm/ClassReader.class"));
            assertNotNull(jar.getEntry("dev/weft/agent/shaded/weaver/Weaver.class"));
            assertNotNull(jar.getEntry("dev/weft/agent/shaded/bytebuddy/agent/ByteBuddyAgent.class"));
            // Byte Buddy's installer keeps its name in every shaded copy: self-attach looks it up by that name.
            assertTrue(jar.stream().map(e -> e.getName())
                    .filter(n -> !n.endsWith("/") && !n.equals("net/bytebuddy/agent/Installer.class"))
                    .noneMatch(n -> n.startsWith("org/objectweb/") || n.startsWith("net/bytebuddy/")
                            || n.startsWith("dev/weft/weaver/") || n.startsWith("dev/weft/internal/")),
                    "unrelocated or runtime classes in the jar");
        }
    }

    @Test
    void coroutinesRunUnderJavaagentAndVerboseAndDumpReportWhatWasWoven() throws Exception {
        Run run = java(List.of("-javaagent:" + AGENT + "=verbose,dump=" + dump), "com.example.agentapps.HelloApp");
        assertEquals(0, run.status, run.toString());
        assertEquals("7 10", run.out.strip(), run.toString());
        assertTrue(run.err.contains("Weft wove com.example.agentapps.HelloApp"), run.toString());
        assertTrue(Files.isRegularFile(dump.resolve("com/example/agentapps/HelloApp.class")));
    }

    @Test
    void includeAndExcludeDecideWhatIsWoven() throws Exception {
        Run run = java(List.of("-javaagent:" + AGENT + "=exclude=com.example"), "com.example.agentapps.HelloApp");
        assertEquals(1, run.status, run.toString());
        assertTrue(run.err.contains("not woven"), run.toString());
    }

    @Test
    void aRefusedClassIsReportedOnceAndItsCoroutinesFailLoudly() throws Exception {
        Run run = java(List.of("-javaagent:" + AGENT), "com.example.agentapps.RefusedApp");
        assertEquals(0, run.status, run.toString());
        String problem = "com.example.agentapps.RefusedApp.notAsync(RefusedApp.java:11): await(...) outside an "
                + "@Async method";
        assertTrue(run.err.contains(problem), run.toString());
        assertEquals(run.err.indexOf(problem), run.err.lastIndexOf(problem), "reported twice: " + run);
        assertTrue(run.out.startsWith("failed loudly: Weft.await reached in com.example.agentapps.RefusedApp.fine"),
                run.toString());
    }

    @Test
    void anApplicationWithoutAsyncIsLeftAlone() throws Exception {
        Run run = java(List.of("-javaagent:" + AGENT + "=verbose,dump=" + dump), "com.example.agentapps.PlainApp");
        assertEquals(0, run.status, run.toString());
        assertEquals("plain 42", run.out.strip());
        assertFalse(run.err.contains("Weft"), run.toString());
        try (Stream<Path> files = Files.walk(dump)) {
            assertEquals(1, files.count(), "nothing may be dumped");
        }
    }

    @Test
    void installAttachesToTheRunningJvmAndReportsClassesLoadedBeforeIt() throws Exception {
        // WeftAgent.install() needs the agent on the class path, as a test dependency puts it.
        Run run = java(List.of(), appClassPath() + File.pathSeparator + AGENT, "com.example.agentapps.InstallApp");
        assertEquals(0, run.status, run.toString());
        assertEquals(List.of("installed true", "7 10", "early class failed loudly: true"), run.out.strip().lines()
                .toList(), run.toString());
        assertTrue(run.err.contains("com.example.agentapps.EarlyCoroutines: it was loaded before WeftAgent.install()"),
                run.toString());
    }
}
