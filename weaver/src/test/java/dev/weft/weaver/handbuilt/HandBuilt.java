package dev.weft.weaver.handbuilt;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;

import static org.objectweb.asm.Opcodes.*;

/**
 * Builds classes by hand with ASM's tree API, for bytecode the JVM accepts but javac never emits. Each class is
 * {@code public class dev.weft.weaver.handbuilt.gen.NAME} at version 17 with one or more {@code public static @Async}
 * methods whose first parameter is the awaitables' mode ({@code Awaitables.SLEEP}, {@code DONE}, {@code ALTERNATE}).
 *
 * <p>The class is written with {@code COMPUTE_MAXS} only: code and stack map frames stay exactly as the test wrote
 * them (with {@code COMPUTE_FRAMES} ASM would replace dead code and recompute every frame). Frames are given expanded
 * ({@code F_NEW}). Public for the generated methods of {@code dev.weft.weaver.fuzz.StackShuffleGenerator}.
 */
public final class HandBuilt {
    public static final String PACKAGE = "dev/weft/weaver/handbuilt/gen/";
    /** {@code (int mode) -> Task}. */
    public static final String RUN_DESC = "(I)Ldev/weft/Task;";
    public static final String TASK = "dev/weft/Task";
    public static final String STRING = "java/lang/String";
    public static final String THROWABLE = "java/lang/Throwable";

    private static final String AWAITABLES = "dev/weft/weaver/targets/Awaitables";

    private HandBuilt() {
    }

    /** The Java name of hand-built class {@code simpleName}. */
    public static String className(String simpleName) {
        return (PACKAGE + simpleName).replace('/', '.');
    }

    /** A {@code public static @Async} method, its code begun at source line 1; the caller emits the rest. */
    public static MethodNode asyncMethod(String name, String desc) {
        MethodNode m = new MethodNode(ASM9, ACC_PUBLIC | ACC_STATIC, name, desc, null, null);
        m.visibleAnnotations = new ArrayList<>(List.of(new AnnotationNode("Ldev/weft/Async;")));
        m.visitCode();
        Label start = new Label();
        m.visitLabel(start);
        m.visitLineNumber(1, start);
        return m;
    }

    /** The class file of hand-built class {@code simpleName} holding {@code methods}, code and frames as written. */
    public static byte[] classFile(String simpleName, MethodNode... methods) {
        ClassNode c = new ClassNode();
        c.version = V17;
        c.access = ACC_PUBLIC | ACC_SUPER;
        c.name = PACKAGE + simpleName;
        c.superName = "java/lang/Object";
        c.sourceFile = simpleName + ".java";
        for (MethodNode m : methods) {
            m.visitMaxs(0, 0);
            m.visitEnd();
            c.methods.add(m);
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        c.accept(writer);
        return writer.toByteArray();
    }

    /** [..] -> [.., task]: {@code Awaitables.v(mode, Integer.valueOf(value))}, mode from local 0. */
    public static void pushTask(MethodVisitor mv, int value) {
        mv.visitVarInsn(ILOAD, 0);                                                           // [.., mode]
        mv.visitLdcInsn(value);                                                              // [.., mode, value]
        boxedTask(mv);
    }

    /** [..] -> [.., task]: {@code Awaitables.v(mode, Integer.valueOf(local var))}, mode from local 0. */
    public static void pushTaskOfLocal(MethodVisitor mv, int var) {
        mv.visitVarInsn(ILOAD, 0);                                                           // [.., mode]
        mv.visitVarInsn(ILOAD, var);                                                         // [.., mode, value]
        boxedTask(mv);
    }

    /** [..] -> [.., task]: {@code Awaitables.v(mode, value)} for a String {@code value}, mode from local 0. */
    public static void pushStringTask(MethodVisitor mv, String value) {
        mv.visitVarInsn(ILOAD, 0);                                                           // [.., mode]
        mv.visitLdcInsn(value);                                                              // [.., mode, value]
        mv.visitMethodInsn(INVOKESTATIC, AWAITABLES, "v", "(ILjava/lang/Object;)Ldev/weft/Task;", false);
    }

    /** [.., mode, int] -> [.., task]. */
    private static void boxedTask(MethodVisitor mv) {
        box(mv);                                                                             // [.., mode, Integer]
        mv.visitMethodInsn(INVOKESTATIC, AWAITABLES, "v", "(ILjava/lang/Object;)Ldev/weft/Task;", false);
    }

    /** [..] -> [.., task]: a task failing with {@code IllegalArgumentException(message)}, mode from local 0. */
    public static void pushFailingTask(MethodVisitor mv, String message) {
        mv.visitVarInsn(ILOAD, 0);                                                           // [.., mode]
        mv.visitLdcInsn(message);                                                            // [.., mode, message]
        mv.visitMethodInsn(INVOKESTATIC, AWAITABLES, "failing", "(ILjava/lang/String;)Ldev/weft/Task;", false);
    }

    /** [.., task] -> [.., value]. */
    public static void await(MethodVisitor mv) {
        mv.visitMethodInsn(INVOKESTATIC, "dev/weft/Weft", "await", "(Ldev/weft/Task;)Ljava/lang/Object;", false);
    }

    /** [.., Object] -> [.., int]. */
    public static void unboxInt(MethodVisitor mv) {
        mv.visitTypeInsn(CHECKCAST, "java/lang/Integer");
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Integer", "intValue", "()I", false);
    }

    /** [.., int] -> [.., Integer]. */
    public static void box(MethodVisitor mv) {
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
    }

    /** [.., Object] -> [.., task]: {@code Weft.done(value)}. */
    public static void done(MethodVisitor mv) {
        mv.visitMethodInsn(INVOKESTATIC, "dev/weft/Weft", "done", "(Ljava/lang/Object;)Ldev/weft/Task;", false);
    }

    /** [.., int] -> returns {@code Weft.done(Integer.valueOf(int))}. */
    public static void returnDone(MethodVisitor mv) {
        box(mv);
        done(mv);
        mv.visitInsn(ARETURN);
    }

    /** A full frame ({@code F_NEW}): {@code locals} then {@code stack}, each entry as ASM's visitFrame takes it. */
    public static void frame(MethodVisitor mv, Object[] locals, Object... stack) {
        mv.visitFrame(F_NEW, locals.length, locals, stack.length, stack);
    }

    /** Frame locals: shorthand for {@code new Object[] {...}}. */
    public static Object[] locals(Object... entries) {
        return entries;
    }

    /** The local of the mode, as a frame entry list: the frame of a {@code run(int mode)} with nothing else. */
    public static final Object[] MODE_ONLY = {INTEGER};
}
