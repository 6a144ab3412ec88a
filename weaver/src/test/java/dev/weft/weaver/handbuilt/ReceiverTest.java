package dev.weft.weaver.handbuilt;

import dev.weft.weaver.Weaver;
import dev.weft.weaver.internal.WeaverSupport;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;

import static dev.weft.weaver.handbuilt.HandBuilt.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

/**
 * The receiver of an instance method. Its body is an instance method of the same object (so a debugger sees
 * {@code this}) unless the code writes local 0, which the JVM allows outside constructors: then local 0 is an ordinary
 * local, saved across the await like any other, and the body is static.
 */
class ReceiverTest {
    private static final String NAME = "ReceiverOverwritten";
    private static final String OWNER = PACKAGE + NAME;

    /** {@code public @Async Task NAME(int mode)}, an instance method: this in local 0, the mode in local 1. */
    private static MethodNode instanceAsync(String name) {
        MethodNode m = new MethodNode(ASM9, ACC_PUBLIC, name, "(I)Ldev/weft/Task;", null, null);
        m.visibleAnnotations = new ArrayList<>(List.of(new AnnotationNode("Ldev/weft/Async;")));
        m.visitCode();
        return m;
    }

    /** [..] -> [.., int]: the awaited value of a task with {@code value}, the mode from local 1. */
    private static void awaitedInt(MethodNode m, int value) {
        m.visitVarInsn(ILOAD, 1);                                                          // [.., mode]
        m.visitLdcInsn(value);                                                             // [.., mode, value]
        box(m);                                                                            // [.., mode, Integer]
        m.visitMethodInsn(INVOKESTATIC, "dev/weft/weaver/targets/Awaitables", "v",
                "(ILjava/lang/Object;)Ldev/weft/Task;", false);                           // [.., task]
        await(m);                                                                          // [.., Object]
        unboxInt(m);                                                                       // [.., int]
    }

    private static byte[] classFile() {
        MethodNode init = new MethodNode(ASM9, ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);

        MethodNode overwrites = instanceAsync("overwrites");
        overwrites.visitLdcInsn("abc");                                                    // [S]
        overwrites.visitVarInsn(ASTORE, 0);                                                // local 0: "abc", not this
        awaitedInt(overwrites, 5);                                                         // [5]
        overwrites.visitVarInsn(ALOAD, 0);                                                 // [5, "abc"]
        overwrites.visitMethodInsn(INVOKEVIRTUAL, STRING, "length", "()I", false);        // [5, 3]
        overwrites.visitInsn(IADD);                                                        // [8]
        returnDone(overwrites);

        MethodNode keeps = instanceAsync("keeps");
        awaitedInt(keeps, 5);                                                              // [5]
        keeps.visitVarInsn(ALOAD, 0);                                                      // [5, this]
        keeps.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Object", "getClass", "()Ljava/lang/Class;", false);
        keeps.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Class", "getSimpleName", "()Ljava/lang/String;", false);
        keeps.visitMethodInsn(INVOKEVIRTUAL, STRING, "length", "()I", false);             // [5, 19]
        keeps.visitInsn(IADD);                                                             // [24]
        returnDone(keeps);

        return HandBuilt.classFile(NAME, init, overwrites, keeps, caller("runOverwrites", "overwrites"),
                caller("runKeeps", "keeps"));
    }

    /** {@code static Task NAME(int mode) { return new ReceiverOverwritten().target(mode); }}. */
    private static MethodNode caller(String name, String target) {
        MethodNode m = new MethodNode(ASM9, ACC_PUBLIC | ACC_STATIC, name, RUN_DESC, null, null);
        m.visitCode();
        m.visitTypeInsn(NEW, OWNER);                                                       // [u]
        m.visitInsn(DUP);                                                                  // [u, u]
        m.visitMethodInsn(INVOKESPECIAL, OWNER, "<init>", "()V", false);                   // [o]
        m.visitVarInsn(ILOAD, 0);                                                          // [o, mode]
        m.visitMethodInsn(INVOKEVIRTUAL, OWNER, target, "(I)Ldev/weft/Task;", false);      // [task]
        m.visitInsn(ARETURN);
        return m;
    }

    @Test
    void anInstanceMethodThatOverwritesLocalZeroKeepsItsValueAcrossTheAwait() {
        HandBuiltRun.assertWovenRunsLikeUnwoven(NAME, classFile(), "runOverwrites", 8);
    }

    @Test
    void anInstanceMethodSeesItsReceiverAfterTheAwait() {
        HandBuiltRun.assertWovenRunsLikeUnwoven(NAME, classFile(), "runKeeps", 5 + NAME.length());
    }

    @Test
    void onlyTheMethodThatOverwritesLocalZeroGetsAStaticBody() {
        ClassNode woven = new ClassNode();
        new ClassReader(new Weaver().weave(classFile()).bytes()).accept(woven, 0);
        assertEquals(ACC_STATIC, body(woven, "overwrites", WeaverSupport.STATIC_BODY_DESC).access & ACC_STATIC);
        assertEquals(0, body(woven, "keeps", WeaverSupport.INSTANCE_BODY_DESC).access & ACC_STATIC);
    }

    private static MethodNode body(ClassNode node, String name, String desc) {
        for (MethodNode m : node.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                assertTrue((m.access & ACC_SYNTHETIC) != 0 && (m.access & ACC_PRIVATE) != 0, name);
                return m;
            }
        }
        throw new AssertionError("no body " + name + desc);
    }
}
