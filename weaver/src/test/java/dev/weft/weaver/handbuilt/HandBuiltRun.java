package dev.weft.weaver.handbuilt;

import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.weaver.Problem;
import dev.weft.weaver.WeaveResult;
import dev.weft.weaver.Weaver;
import dev.weft.weaver.validation.DefiningClassLoader;
import dev.weft.weaver.validation.WeaverFailures;
import dev.weft.weaver.validation.WeavingClassLoader;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Weaves a hand-built class and checks the outcome. The input must first be accepted by the JVM (it is linked, so
 * the verifier runs over it): these are cases of legal bytecode. Then either
 * <ul>
 *   <li>{@link #assertWovenRunsLikeUnwoven}: the weaver weaves it; the woven class passes ASM's data-flow check and the
 *       JVM verifier; and each method, run on a loop in every awaitables mode, gives what the same code gives with
 *       each await done {@link Synchronously} (and what the test expects); or</li>
 *   <li>{@link #assertRefused}: the weaver refuses it on purpose, naming class and method, never by crashing.</li>
 * </ul>
 * Each class is defined in a fresh loader whose parent weaves the validation targets (for {@code Awaitables}).
 *
 * <p>The steps ({@link #define}, {@link #call}, {@link #outcome}, {@link #awaitingSynchronously}) are public for
 * generated methods, which check thousands of classes over one parent loader and report a difference instead of
 * asserting at once.
 */
public final class HandBuiltRun {
    private static final int[] MODES = {0, 1, 2};   // Awaitables.SLEEP, DONE, ALTERNATE

    private HandBuiltRun() {
    }

    /** Weaves {@code input} and asserts each named method runs like its unwoven meaning and gives {@code expected}. */
    static void assertWovenRunsLikeUnwoven(String simpleName, byte[] input, String method, Object expected,
                                           Object... moreArgs) {
        String name = HandBuilt.className(simpleName);
        link(name, input);
        WeaveResult result = new Weaver().weave(input);
        assertEquals(WeaveResult.Outcome.WOVEN, result.outcome(), result.problems().toString());
        byte[] woven = result.bytes();
        checkDataFlow(name, woven);
        link(name, woven);
        byte[] synchronous = awaitingSynchronously(input);
        for (int mode : MODES) {
            Object[] args = args(mode, moreArgs);
            Object unwoven = outcome(() -> ((Task<?>) call(load(name, synchronous), method, args)).result());
            Object wovenOutcome = outcome(() -> Weft.run((Task<?>) call(load(name, woven), method, args)));
            assertEquals(expected, unwoven, "unwoven meaning, mode " + mode);
            assertEquals(unwoven, wovenOutcome, "woven, mode " + mode);
        }
    }

    /** Asserts the weaver refuses {@code input} on purpose, with one problem naming class and method; returns it. */
    static Problem assertRefused(String simpleName, byte[] input, String method) {
        String name = HandBuilt.className(simpleName);
        link(name, input);
        WeaveResult result = new Weaver().weave(input);
        assertEquals(WeaveResult.Outcome.REFUSED, result.outcome());
        assertSame(input, result.bytes(), "a refused class is returned unchanged");
        assertEquals(1, result.problems().size(), result.problems().toString());
        Problem p = result.problems().get(0);
        assertFalse(WeaverFailures.isWeaverFailure(p), "the weaver crashed: " + p);
        assertEquals(name, p.className());
        assertEquals(method, p.method());
        assertTrue(p.toString().startsWith(name + "." + method + "(" + simpleName + ".java:1): "), p.toString());
        return p;
    }

    private static Object[] args(int mode, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = mode;
        System.arraycopy(more, 0, args, 1, more.length);
        return args;
    }

    /** What a call gives: its value, or "threw CLASS: MESSAGE". */
    public static Object outcome(ThrowingSupplier call) {
        try {
            return call.get();
        } catch (Throwable t) {
            return "threw " + t.getClass().getName() + ": " + t.getMessage();
        }
    }

    /** A call that may throw anything, for {@link #outcome}. */
    public interface ThrowingSupplier {
        Object get() throws Throwable;
    }

    /** Calls the static, non-synthetic {@code method} of {@code c} that takes {@code args.length} arguments. */
    public static Object call(Class<?> c, String method, Object[] args) throws Throwable {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(method) && !m.isSynthetic() && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new IllegalArgumentException("no method " + method + " in " + c);
    }

    /** Defines {@code bytes} in a fresh loader and links the class, which runs the JVM verifier over it. */
    private static void link(String name, byte[] bytes) {
        try {
            define(name, bytes, new WeavingClassLoader());
        } catch (VerifyError e) {
            throw new AssertionError(name + " fails the JVM verifier", e);
        }
    }

    /**
     * Defines {@code bytes} as class {@code name} in a fresh loader over {@code parent} (which should weave the
     * validation targets, for {@code Awaitables}) and links it, so that the JVM verifier runs over it.
     *
     * @throws VerifyError if the verifier rejects it
     */
    public static Class<?> define(String name, byte[] bytes, ClassLoader parent) {
        Class<?> c = load(name, bytes, parent);
        c.getDeclaredConstructors();   // links the class
        return c;
    }

    private static Class<?> load(String name, byte[] bytes) {
        return load(name, bytes, new WeavingClassLoader());
    }

    private static Class<?> load(String name, byte[] bytes, ClassLoader parent) {
        try {
            return Class.forName(name, false, oneClassLoader(name, bytes, parent));
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** Defines {@code name} from {@code bytes}; everything else from {@code parent}. */
    private static ClassLoader oneClassLoader(String name, byte[] bytes, ClassLoader parent) {
        return new DefiningClassLoader(parent, Map.of(name, bytes));
    }

    /** ASM's data-flow verification (SimpleVerifier, classes loaded from the test class path). */
    private static void checkDataFlow(String name, byte[] woven) {
        StringWriter report = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(woven), oneClassLoader(name, woven, new WeavingClassLoader()), false,
                new PrintWriter(report));
        assertEquals("", report.toString(), "woven " + name + " fails CheckClassAdapter");
    }

    /** {@code input} with each {@code Weft.await(Task)} call sent to {@link Synchronously#await} instead. */
    public static byte[] awaitingSynchronously(byte[] input) {
        ClassNode node = new ClassNode();
        new ClassReader(input).accept(node, 0);
        for (MethodNode m : node.methods) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof MethodInsnNode && ((MethodInsnNode) insn).owner.equals("dev/weft/Weft")
                        && ((MethodInsnNode) insn).name.equals("await")) {
                    ((MethodInsnNode) insn).owner = Synchronously.class.getName().replace('.', '/');
                }
            }
        }
        ClassWriter writer = new ClassWriter(0);   // frames and maxs as they were
        node.accept(writer);
        return writer.toByteArray();
    }
}
