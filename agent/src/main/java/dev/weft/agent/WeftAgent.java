package dev.weft.agent;

import net.bytebuddy.agent.ByteBuddyAgent;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;

/**
 * Weaves {@code @Async} methods as classes load. Either start the JVM with
 * {@code java -javaagent:weft-agent-VERSION.jar[=OPTIONS]} (see {@link AgentOptions} for the options), or call
 * {@link #install()} from the application (tests, IDE runs) before the classes with {@code @Async} methods load.
 *
 * <p>Only classes loaded after the agent starts can be woven: weaving adds a method to the class, which the JVM does
 * not allow for a class that is already loaded. {@link #install()} therefore reports each {@code @Async} class it
 * finds already loaded and unwoven; its coroutines then fail loudly when called.
 */
public final class WeftAgent {
    private static Instrumentation installed;

    private WeftAgent() {
    }

    /** Entry point of {@code -javaagent}. */
    public static void premain(String options, Instrumentation instrumentation) {
        start(options, instrumentation);
    }

    /** Entry point when the agent is attached to a running JVM. */
    public static void agentmain(String options, Instrumentation instrumentation) {
        start(options, instrumentation);
    }

    /**
     * Attaches the agent to the running JVM, with default options. Calling it again, or after {@code -javaagent}, does
     * nothing. Thread-safe. Classes with {@code @Async} methods that are already loaded cannot be woven any more and
     * are reported.
     *
     * @throws IllegalStateException if the JVM does not allow attaching (for example a JRE without the attach API)
     */
    public static void install() {
        synchronized (WeftAgent.class) {
            if (installed != null) {
                return;
            }
        }
        Instrumentation instrumentation;
        try {
            instrumentation = ByteBuddyAgent.install();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("WeftAgent.install() could not attach to this JVM (" + e + "); "
                    + "start it with -javaagent:weft-agent.jar instead", e);
        }
        start(null, instrumentation);
    }

    /** @return true once the agent is running in this JVM */
    public static synchronized boolean isInstalled() {
        return installed != null;
    }

    private static void start(String optionText, Instrumentation instrumentation) {
        AgentOptions options = AgentOptions.parse(optionText);
        AgentListener listener = new AgentListener(options.verbose);
        synchronized (WeftAgent.class) {
            if (installed != null) {
                return;
            }
            installed = instrumentation;
            instrumentation.addTransformer(new WeavingTransformer(options, listener), false);
        }
        reportLoadedTooEarly(instrumentation, listener);
    }

    /** Reports the classes with unwoven {@code @Async} methods that were loaded before the agent started. */
    private static void reportLoadedTooEarly(Instrumentation instrumentation, AgentListener listener) {
        for (Class<?> c : instrumentation.getAllLoadedClasses()) {
            ClassLoader loader = c.getClassLoader();
            if (loader == null || loader == ClassLoader.getPlatformClassLoader() || c.isArray()
                    || WeavingTransformer.isWeftItself(c.getName().replace('.', '/'))) {
                continue;
            }
            try {
                if (hasAsyncMethods(c) && !isWoven(c)) {
                    listener.loadedTooEarly(c.getName());
                }
            } catch (Throwable unreadable) {
                // A class whose methods cannot be resolved cannot have run any coroutine either.
            }
        }
    }

    private static boolean hasAsyncMethods(Class<?> c) {
        for (Method m : c.getDeclaredMethods()) {
            for (java.lang.annotation.Annotation a : m.getDeclaredAnnotations()) {
                if (a.annotationType().getName().equals("dev.weft.Async")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A woven class has the synthetic bodies, {@code static Object name(Coroutine)}. */
    private static boolean isWoven(Class<?> c) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.isSynthetic() && m.getParameterCount() == 1
                    && m.getParameterTypes()[0].getName().equals("dev.weft.internal.Coroutine")) {
                return true;
            }
        }
        return false;
    }
}
