package dev.weft.weaver.validation;

import dev.weft.weaver.WeaveResult;
import dev.weft.weaver.Weaver;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the validation targets (classes under {@code dev.weft.weaver.targets}) woven, child-first, and everything
 * else from the parent. Every woven class must pass ASM's {@link CheckClassAdapter} with data-flow verification once
 * it is defined; a failure is an {@link AssertionError} naming the class.
 *
 * <p>The system property {@code weft.validation.weaving} chooses who weaves: {@code loader} (the default) weaves here
 * with the {@link Weaver}; {@code agent} defines the original bytes and leaves weaving to the Java agent given with
 * {@code -javaagent}; {@code install} does the same after calling {@code WeftAgent.install()}. The agent module runs
 * the validation tests in the last two modes.
 */
public final class WeavingClassLoader extends ClassLoader {
    public static final String TARGETS = "dev.weft.weaver.targets.";
    private static final String MODE = System.getProperty("weft.validation.weaving", "loader");

    private final Weaver weaver;
    private final Map<String, byte[]> woven = new ConcurrentHashMap<>();
    private final Map<String, byte[]> given;

    public WeavingClassLoader() {
        this(Map.of());
    }

    /**
     * A loader that also weaves and defines the classes of {@code classFiles} (binary name to class file, e.g. classes
     * compiled in memory by a test), checked as the targets are.
     */
    public WeavingClassLoader(Map<String, byte[]> classFiles) {
        this(new Weaver(), classFiles);
    }

    /** A loader whose targets {@code weaver} weaves, when this loader weaves ({@link #weavesItself()}). */
    public WeavingClassLoader(Weaver weaver, Map<String, byte[]> classFiles) {
        super(WeavingClassLoader.class.getClassLoader());
        this.weaver = weaver;
        this.given = Map.copyOf(classFiles);
        if (MODE.equals("install")) {
            installAgent();
        } else if (!MODE.equals("loader") && !MODE.equals("agent")) {
            throw new IllegalStateException("weft.validation.weaving must be loader, agent or install: " + MODE);
        }
    }

    /** True when this loader weaves; false when an agent does. */
    public static boolean weavesItself() {
        return MODE.equals("loader");
    }

    private static void installAgent() {
        try {
            Class.forName("dev.weft.agent.WeftAgent").getMethod("install").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("weft.validation.weaving=install needs weft-agent on the class path", e);
        }
    }

    /** The original class file of a target, as javac wrote it. */
    public static byte[] original(String className) {
        String resource = className.replace('.', '/') + ".class";
        try (InputStream in = WeavingClassLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no class file for " + className);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The woven bytes this loader defined for {@code className}, or null if it was untouched. */
    public byte[] wovenBytes(String className) {
        return woven.get(className);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(TARGETS) && !given.containsKey(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = defineTarget(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private Class<?> defineTarget(String name) throws ClassNotFoundException {
        byte[] bytes = given.get(name);
        if (bytes == null) {
            try {
                bytes = original(name);
            } catch (IllegalArgumentException missing) {
                throw new ClassNotFoundException(name);
            }
        }
        if (!weavesItself()) {
            return defineClass(name, bytes, 0, bytes.length);   // the agent weaves it as it is defined
        }
        WeaveResult result = weaver.weave(bytes);
        if (result.outcome() == WeaveResult.Outcome.REFUSED) {
            throw new AssertionError("refused " + name + ": " + result.problems());
        }
        if (result.outcome() != WeaveResult.Outcome.WOVEN) {
            return defineClass(name, bytes, 0, bytes.length);
        }
        bytes = result.bytes();
        woven.put(name, bytes);
        // Defined first: the data-flow check loads the classes it meets, this one included.
        Class<?> c = defineClass(name, bytes, 0, bytes.length);
        verify(name, bytes);
        return c;
    }

    private void verify(String name, byte[] bytes) {
        StringWriter report = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), this, false, new PrintWriter(report));
        if (report.getBuffer().length() > 0) {
            throw new AssertionError("woven " + name + " fails CheckClassAdapter:\n" + report);
        }
    }
}
