package dev.weft.agent;

import java.lang.instrument.Instrumentation;

/**
 * The Java agent: {@code java -javaagent:weft-agent.jar}. Registers a transformer that weaves {@code @Async} methods
 * as classes load.
 */
public final class WeftAgent {
    private WeftAgent() {
    }

    /** Entry point of {@code -javaagent}. */
    public static void premain(String options, Instrumentation instrumentation) {
        instrumentation.addTransformer(new WeavingTransformer(), false);
    }

    /** Entry point when attached to a running JVM. */
    public static void agentmain(String options, Instrumentation instrumentation) {
        premain(options, instrumentation);
    }
}
