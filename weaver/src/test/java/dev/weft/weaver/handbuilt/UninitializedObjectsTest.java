package dev.weft.weaver.handbuilt;

import dev.weft.weaver.Problem;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.MethodNode;

import static dev.weft.weaver.handbuilt.HandBuilt.*;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

/**
 * Objects created by {@code NEW} and not yet initialized at an await. No instruction can save one, so the weaver moves
 * a {@code NEW}/{@code DUP} pair past the awaits in the constructor's arguments; the shapes it cannot move are refused
 * with a message, never woven into a VerifyError.
 */
class UninitializedObjectsTest {
    private static final String BUILDER = "java/lang/StringBuilder";

    /** [..] -> [.., String]: the awaited value of a task with 42, as a String. */
    private static void awaitedString(MethodNode m) {
        pushTask(m, 42);
        await(m);
        m.visitMethodInsn(INVOKESTATIC, "java/lang/String", "valueOf", "(Ljava/lang/Object;)Ljava/lang/String;",
                false);
    }

    /** {@code new StringBuilder(await(...))} as javac compiles it, with a long under the NEW: moved, woven. */
    @Test
    void newAndDupOnTheStackAcrossAnAwaitAreMoved() {
        MethodNode m = asyncMethod("run", RUN_DESC);
        m.visitLdcInsn(7L);                                                               // [J]
        m.visitTypeInsn(NEW, BUILDER);                                                    // [J, u]
        m.visitInsn(DUP);                                                                 // [J, u, u]
        awaitedString(m);                                                                 // [J, u, u, S]
        m.visitMethodInsn(INVOKESPECIAL, BUILDER, "<init>", "(Ljava/lang/String;)V", false);   // [J, sb]
        m.visitMethodInsn(INVOKEVIRTUAL, BUILDER, "length", "()I", false);                // [J, 2]
        m.visitInsn(I2L);
        m.visitInsn(LADD);
        m.visitInsn(L2I);
        returnDone(m);
        HandBuiltRun.assertWovenRunsLikeUnwoven("NewOnStack", classFile("NewOnStack", m), "run", 9);
    }

    /** The uninitialized object is stored in a local across the await: legal, but no instruction can save it. */
    @Test
    void uninitializedObjectInALocalAcrossAnAwaitIsRefused() {
        MethodNode m = asyncMethod("run", RUN_DESC);
        m.visitTypeInsn(NEW, BUILDER);
        m.visitVarInsn(ASTORE, 1);                                                        // local 1: uninitialized
        awaitedString(m);                                                                 // [S]
        m.visitVarInsn(ALOAD, 1);                                                         // [S, u]
        m.visitInsn(SWAP);                                                                // [u, S]
        m.visitMethodInsn(INVOKESPECIAL, BUILDER, "<init>", "(Ljava/lang/String;)V", false);   // local 1 is initialized
        m.visitVarInsn(ALOAD, 1);
        m.visitMethodInsn(INVOKEVIRTUAL, BUILDER, "length", "()I", false);
        returnDone(m);
        Problem p = HandBuiltRun.assertRefused("NewInLocal", classFile("NewInLocal", m), "run");
        assertTrue(p.message().contains("uninitialized object is stored in a local variable across await(...)"), p
                .message());
        assertTrue(p.message().contains("compile the class with javac"), p.message());
    }

    /** {@code NEW} with no {@code DUP}: the object is initialized and dropped; its argument awaits. Refused. */
    @Test
    void newWithoutDupWhoseArgumentAwaitsIsRefused() {
        MethodNode m = asyncMethod("run", RUN_DESC);
        m.visitTypeInsn(NEW, BUILDER);                                                    // [u]
        awaitedString(m);                                                                 // [u, S]
        m.visitMethodInsn(INVOKESPECIAL, BUILDER, "<init>", "(Ljava/lang/String;)V", false);   // []
        m.visitInsn(ICONST_1);
        returnDone(m);
        Problem p = HandBuiltRun.assertRefused("NewNoDup", classFile("NewNoDup", m), "run");
        assertTrue(p.message().contains("is not followed by DUP"), p.message());
        assertTrue(p.message().contains("assign the awaited values to local variables first"), p.message());
    }
}
