package dev.weft.agent;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where everything the agent has to say goes: woven classes (when verbose), refusals, and its own failures. Each class
 * is reported at most once, however many class loaders load it. Messages go through {@link System.Logger} (by
 * default to standard error).
 */
class AgentListener {
    /** Created on first use: initializing the logging system at start-up would cost every application. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("dev.weft.agent");
    }

    private final boolean verbose;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    AgentListener(boolean verbose) {
        this.verbose = verbose;
    }

    void woven(String className) {
        if (verbose) {
            Log.LOG.log(Level.INFO, "Weft wove " + className.replace('/', '.'));
        }
    }

    /**
     * The weaver refused {@code className} (null if the bytes are too damaged to tell it and it was defined without
     * a name: then reported each time); {@code problems} are its one-line problems, which name the class file.
     */
    void refused(String className, Iterable<?> problems) {
        if (className == null || reported.add(className)) {
            for (Object problem : problems) {
                Log.LOG.log(Level.ERROR, "Weft cannot weave " + problem
                        + " -- the class is loaded unwoven: its @Async methods will throw when called");
            }
        }
    }

    /**
     * Something failed in the agent itself while handling {@code className} (null if not known); the class is loaded
     * unwoven.
     */
    void failed(String className, Throwable failure) {
        if (className == null || reported.add(className)) {
            String name = className == null ? "a class defined without a name" : className.replace('/', '.');
            Log.LOG.log(Level.ERROR, "Weft failed on " + name
                    + "; the class is loaded unwoven", failure);
        }
    }

    /** {@code className} has @Async methods but was loaded before the agent was installed. */
    void loadedTooEarly(String className) {
        if (reported.add(className)) {
            Log.LOG.log(Level.ERROR, "Weft cannot weave " + className + ": it was loaded before WeftAgent.install(); "
                    + "its @Async methods will throw when called. Call WeftAgent.install() before the class is "
                    + "first used (for example in a static initializer of the main or test class), or use "
                    + "-javaagent:weft-agent.jar");
        }
    }
}
