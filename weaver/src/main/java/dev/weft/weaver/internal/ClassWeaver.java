package dev.weft.weaver.internal;

import dev.weft.weaver.Problem;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Weaves one class: finds its {@code @Async} methods and async lambdas ({@link LambdaBodies}), checks every rule of
 * the weaving contract, transforms each with {@link CoroutineTransform}, and marks the class woven.
 *
 * <p>All or nothing: if any method is refused, or anything fails, the class is left exactly as it was and every
 * problem is reported, so no half-woven class ever exists. Call order: construct, then {@link #weave()} once.
 */
public final class ClassWeaver {
    /** Lambdas, records and enums may start at Java 8; so must woven classes, which use invokedynamic. */
    private static final int MIN_VERSION = Opcodes.V1_8;

    private final byte[] original;
    private final LocalsKept kept;
    private final List<Problem> problems = new ArrayList<>();
    private String name;
    private ClassNode node;

    /** @param kept which locals a suspension of a woven method saves */
    public ClassWeaver(byte[] original, LocalsKept kept) {
        this.original = original;
        this.kept = kept;
    }

    /** @return the woven class, or null if the class needs no weaving or has {@link #problems()} */
    public byte[] weave() {
        ClassReader reader = new ClassReader(original);
        // Read from the header before accept(), which parses the class attributes before it visits the name: a file
        // cut short there fails with the name still unknown.
        name = reader.getClassName();
        node = new ClassNode();
        reader.accept(node, ClassReader.EXPAND_FRAMES);
        MisplacedAttributes.check(node);
        if (hasAnnotation(node.invisibleAnnotations, WeaverSupport.WOVEN_DESC)) {
            return null;
        }
        List<MethodNode> async = new ArrayList<>();
        LambdaBodies lambdas = LambdaBodies.of(node);
        for (MethodNode method : node.methods) {
            check(method, lambdas, async);
        }
        if (!problems.isEmpty() || async.isEmpty()) {
            return null;
        }
        Set<String> names = new HashSet<>();
        for (MethodNode method : node.methods) {
            names.add(method.name + method.desc);
        }
        boolean isInterface = (node.access & Opcodes.ACC_INTERFACE) != 0;
        List<MethodNode> bodies = new ArrayList<>();
        for (MethodNode method : async) {
            BodyShape shape = BodyShape.of(method);
            String bodyName = freeName(method.name, shape.descriptor, names);
            try {
                bodies.add(new CoroutineTransform(node.name, isInterface, method, bodyName, kept, shape).apply());
            } catch (Refusal refusal) {
                problems.add(problem(method, refusal.at, refusal.getMessage()));
            } catch (Exception | LinkageError bug) {
                problems.add(problem(method, null, "the weaver failed on this method (" + bug
                        + "); please report it with the class file"));
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        node.methods.addAll(bodies);
        if (node.invisibleAnnotations == null) {
            node.invisibleAnnotations = new ArrayList<>();
        }
        node.invisibleAnnotations.add(new AnnotationNode(WeaverSupport.WOVEN_DESC));
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        try {
            node.accept(writer);
            return writer.toByteArray();
        } catch (MethodTooLargeException tooLarge) {
            problems.add(new Problem(className(), tooLarge.getMethodName(), sourceFile(), -1,
                    "the woven method would pass the JVM's 64 KB code limit (" + tooLarge.getCodeSize()
                            + " bytes); split the @Async method into smaller ones"));
            return null;
        } catch (RuntimeException failure) {
            problems.add(new Problem(className(), "", sourceFile(), -1, "cannot write the woven class ("
                    + failure + "); please report it with the class file"));
            return null;
        }
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The class's name in Java form once {@link #weave()} has read the header; null before, or if that failed. */
    public String className() {
        return name == null ? null : name.replace('/', '.');
    }

    private void check(MethodNode method, LambdaBodies lambdas, List<MethodNode> async) {
        boolean annotated = hasAnnotation(method.visibleAnnotations, WeaverSupport.ASYNC_DESC)
                || hasAnnotation(method.invisibleAnnotations, WeaverSupport.ASYNC_DESC);
        if (!annotated && lambdas.isAsyncLambda(method)) {
            // An async lambda is woven only if it awaits: one that merely returns a Task runs as written.
            if (!AwaitCalls.in(method).isEmpty()) {
                async.add(method);
            }
            return;
        }
        if (!annotated || (method.access & Opcodes.ACC_BRIDGE) != 0) {
            // A bridge carries javac's copy of the annotation but only calls the real method.
            String implemented = lambdas.implemented(method);
            for (AbstractInsnNode await : AwaitCalls.in(method)) {
                problems.add(problem(method, await, implemented != null ? awaitInPlainLambda(method, implemented)
                        : awaitOutsideAsync(method)));
            }
            return;
        }
        String refusal = methodRefusal(method);
        if (refusal != null) {
            problems.add(problem(method, null, refusal));
        } else {
            async.add(method);
        }
    }

    private String methodRefusal(MethodNode method) {
        if (method.name.equals("<init>") || method.name.equals("<clinit>")) {
            return "@Async on a constructor or initializer: constructors cannot suspend; "
                    + "move the asynchronous work into an @Async static factory method";
        }
        if ((method.access & Opcodes.ACC_ABSTRACT) != 0) {
            return "@Async on an abstract method: there is no body to weave; "
                    + "put @Async on the methods that implement it";
        }
        if ((method.access & Opcodes.ACC_NATIVE) != 0) {
            return "@Async on a native method: there is no body to weave; remove @Async";
        }
        if (!Type.getReturnType(method.desc).getDescriptor().equals(WeaverSupport.TASK_DESC)) {
            return "@Async method returns " + Type.getReturnType(method.desc).getClassName()
                    + " but must return dev.weft.Task: change the return type to Task<...>";
        }
        if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            return "@Async method is synchronized: its body runs later, outside the monitor; "
                    + "remove 'synchronized' and guard only the code between awaits";
        }
        if ((node.version & 0xFFFF) < MIN_VERSION) {
            return "the class file is version " + (node.version & 0xFFFF) + ", older than Java 8 (52); "
                    + "compile it with --release 8 or later";
        }
        return null;
    }

    private static String awaitInPlainLambda(MethodNode method, String implemented) {
        return "await(...) inside a lambda implementing " + implemented + ", which returns "
                + Type.getReturnType(method.desc).getClassName() + ", not Task: only a lambda whose interface method "
                + "returns Task can await; move the await out of the lambda (a for loop instead of forEach), "
                + "or give the lambda an interface that returns Task (Supplier<Task<T>>, Function<A, Task<T>>) "
                + "and end it with 'return done(value)'";
    }

    private static String awaitOutsideAsync(MethodNode method) {
        return "await(...) outside an @Async method: mark the method @Async and make it return Task<...>, "
                + "or await in an @Async caller";
    }

    private static boolean hasAnnotation(List<AnnotationNode> annotations, String desc) {
        if (annotations != null) {
            for (AnnotationNode a : annotations) {
                if (desc.equals(a.desc)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first of NAME, NAME$1, NAME$2... that no method of the class uses with descriptor {@code desc}. */
    private static String freeName(String name, String desc, Set<String> taken) {
        String candidate = name;
        for (int i = 1; taken.contains(candidate + desc); i++) {
            candidate = name + "$" + i;
        }
        taken.add(candidate + desc);
        return candidate;
    }

    private Problem problem(MethodNode method, AbstractInsnNode at, String message) {
        String name = method.name;
        if (name.startsWith("lambda$")) {
            String[] parts = name.split("\\$");
            name = parts.length > 1 ? parts[1] : name;   // lambda$outer$0: the method the lambda is written in
        }
        return new Problem(className(), name, sourceFile(), lineOf(method, at), message);
    }

    private String sourceFile() {
        return node.sourceFile;
    }

    /** The source line of {@code at}, or of the method's first line when {@code at} is null; -1 if unknown. */
    static int lineOf(MethodNode method, AbstractInsnNode at) {
        if (at == null) {
            for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn instanceof LineNumberNode) {
                    return ((LineNumberNode) insn).line;
                }
            }
            return -1;
        }
        for (AbstractInsnNode insn = at; insn != null; insn = insn.getPrevious()) {
            if (insn instanceof LineNumberNode) {
                return ((LineNumberNode) insn).line;
            }
        }
        return -1;
    }
}
