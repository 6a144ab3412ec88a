package dev.weft.weaver;

import dev.weft.weaver.validation.WeavingClassLoader;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule of the weaving contract that refuses a method: the class is left as it was, and the problem names class,
 * method, {@code File.java:line} and what to do.
 */
class RefusalTest {
    private static final String PKG = "dev.weft.weaver.refusals.";

    private static Problem onlyProblem(String simpleName) {
        return onlyProblem(simpleName, WeavingClassLoader.original(PKG + simpleName));
    }

    private static Problem onlyProblem(String simpleName, byte[] original) {
        WeaveResult result = new Weaver().weave(original);
        assertEquals(WeaveResult.Outcome.REFUSED, result.outcome(), simpleName);
        assertSame(original, result.bytes(), "a refused class is returned unchanged");
        assertEquals(1, result.problems().size(), result.problems().toString());
        return result.problems().get(0);
    }

    private static void assertProblem(Problem p, String className, String method, String location, String... words) {
        assertEquals(PKG + className, p.className());
        assertEquals(method, p.method());
        assertEquals(location, p.location());
        String text = p.toString();
        assertTrue(text.startsWith(PKG + className + "." + method + "(" + location + "): "), text);
        for (String word : words) {
            assertTrue(p.message().contains(word), "'" + word + "' missing from: " + p.message());
        }
    }

    @Test
    void awaitInAMethodThatIsNotAsyncIsRefusedAtItsLine() {
        assertProblem(onlyProblem("AwaitOutsideAsync"), "AwaitOutsideAsync", "plain", "AwaitOutsideAsync.java:9",
                "outside an @Async method", "mark the method @Async");
    }

    @Test
    void awaitInsideALambdaIsRefusedNamingTheLambda() {
        assertProblem(onlyProblem("AwaitInLambda"), "AwaitInLambda", "outer", "AwaitInLambda.java:13",
                "inside a lambda implementing java.util.function.Supplier.get, which returns java.lang.Integer, "
                        + "not Task", "move the await out of the lambda", "Supplier<Task<T>>");
    }

    @Test
    void awaitInsideAForEachLambdaIsRefusedSayingHowToWriteIt() {
        assertProblem(onlyProblem("AwaitInForEach"), "AwaitInForEach", "each", "AwaitInForEach.java:13",
                "inside a lambda implementing java.util.function.Consumer.accept, which returns void, not Task",
                "a for loop instead of forEach");
    }

    @Test
    void awaitWhileHoldingAMonitorIsRefused() {
        assertProblem(onlyProblem("AwaitInSynchronized"), "AwaitInSynchronized", "locked",
                "AwaitInSynchronized.java:14", "synchronized block", "release the monitor");
    }

    @Test
    void asyncConstructorIsRefused() {
        byte[] annotated = withAsyncOn("<init>", WeavingClassLoader.original(PKG + "AsyncConstructor"));
        assertProblem(onlyProblem("AsyncConstructor", annotated), "AsyncConstructor", "<init>",
                "AsyncConstructor.java:8",
                "constructor", "static factory method");
    }

    /** Adds {@code @Async} to method {@code name}, which javac would not allow. */
    private static byte[] withAsyncOn(String name, byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        for (MethodNode m : node.methods) {
            if (m.name.equals(name)) {
                m.visibleAnnotations = new ArrayList<>(List.of(new AnnotationNode("Ldev/weft/Async;")));
            }
        }
        ClassWriter writer = new ClassWriter(0);
        node.accept(writer);
        return writer.toByteArray();
    }

    @Test
    void asyncAbstractMethodIsRefused() {
        assertProblem(onlyProblem("AsyncAbstract"), "AsyncAbstract", "compute", "AsyncAbstract.java",
                "abstract method", "methods that implement it");
    }

    @Test
    void asyncNativeMethodIsRefused() {
        assertProblem(onlyProblem("AsyncNative"), "AsyncNative", "compute", "AsyncNative.java", "native method");
    }

    @Test
    void asyncMethodNotReturningTaskIsRefused() {
        assertProblem(onlyProblem("AsyncWrongReturn"), "AsyncWrongReturn", "compute", "AsyncWrongReturn.java:10",
                "returns java.util.concurrent.CompletableFuture", "must return dev.weft.Task");
    }

    @Test
    void synchronizedAsyncMethodIsRefused() {
        assertProblem(onlyProblem("AsyncSynchronizedMethod"), "AsyncSynchronizedMethod", "compute",
                "AsyncSynchronizedMethod.java:11", "synchronized", "remove 'synchronized'");
    }

    @Test
    void everyProblemOfAClassIsReportedAndNothingIsWoven() {
        byte[] original = WeavingClassLoader.original(PKG + "TwoProblems");
        WeaveResult result = new Weaver().weave(original);
        assertEquals(WeaveResult.Outcome.REFUSED, result.outcome());
        assertSame(original, result.bytes());
        List<Problem> problems = result.problems();
        assertEquals(2, problems.size(), problems.toString());
        assertEquals("TwoProblems.java:15", problems.get(0).location());
        assertEquals("TwoProblems.java:19", problems.get(1).location());
        WeaveException e = assertThrows(WeaveException.class, result::bytesOrThrow);
        assertEquals(2, e.getMessage().lines().count());
        assertEquals(problems, e.problems());
    }

    @Test
    void bytesThatAreNotAClassAreRefusedNotThrown() {
        byte[] garbage = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 5, 1, 0};
        WeaveResult result = new Weaver().weave(garbage);
        assertEquals(WeaveResult.Outcome.REFUSED, result.outcome());
        assertArrayEquals(garbage, result.bytes());
        assertTrue(result.problems().get(0).message().startsWith("cannot read the class file"),
                result.problems().toString());
    }
}
