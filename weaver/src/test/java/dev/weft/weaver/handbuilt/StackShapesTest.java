package dev.weft.weaver.handbuilt;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.tree.MethodNode;

import static dev.weft.weaver.handbuilt.HandBuilt.*;
import static org.objectweb.asm.Opcodes.*;

/** Operand stacks at an await that javac never leaves there. */
class StackShapesTest {

    /** A long and a String pushed before the awaitable and consumed after it, through a swap. */
    @Test
    void longAndReferenceUnderTheAwaitedValue() {
        MethodNode m = asyncMethod("run", RUN_DESC);
        m.visitLdcInsn(40L);                                                              // [J]
        m.visitLdcInsn("ab");                                                             // [J, S]
        pushTask(m, 7);                                                                   // [J, S, task]
        await(m);
        unboxInt(m);                                                                      // [J, S, I]
        m.visitInsn(SWAP);                                                                // [J, I, S]
        m.visitMethodInsn(INVOKEVIRTUAL, STRING, "length", "()I", false);                 // [J, I, I]
        m.visitInsn(IADD);                                                                // [J, I]
        m.visitInsn(I2L);                                                                 // [J, J]
        m.visitInsn(LADD);                                                                // [J]
        m.visitInsn(L2I);                                                                 // [I]
        returnDone(m);
        HandBuiltRun.assertWovenRunsLikeUnwoven("UnderTheAwait", classFile("UnderTheAwait", m), "run", 49);
    }

    /** {@code await(x);} as a statement: the value is popped at once. */
    @Test
    void awaitWhoseResultIsPopped() {
        MethodNode m = asyncMethod("run", RUN_DESC);
        pushTask(m, 1);
        await(m);
        m.visitInsn(POP);                                                                 // []
        pushTask(m, 2);
        await(m);
        unboxInt(m);
        returnDone(m);
        HandBuiltRun.assertWovenRunsLikeUnwoven("ResultPopped", classFile("ResultPopped", m), "run", 2);
    }

    /** One task awaited twice through a dup: its copy waits on the stack across the first await. */
    @Test
    void sameTaskAwaitedTwiceThroughADup() {
        MethodNode m = asyncMethod("run", RUN_DESC);
        pushTask(m, 7);                                                                   // [task]
        m.visitInsn(DUP);                                                                 // [task, task]
        await(m);                                                                         // [task, v]
        unboxInt(m);                                                                      // [task, I]
        m.visitInsn(SWAP);                                                                // [I, task]
        await(m);                                                                         // [I, v]: done now
        unboxInt(m);
        m.visitInsn(IMUL);
        returnDone(m);
        HandBuiltRun.assertWovenRunsLikeUnwoven("AwaitedTwice", classFile("AwaitedTwice", m), "run", 49);
    }

    /**
     * A loop whose accumulator lives on the operand stack, across the back edge and across the await in the body:
     * the loop head's frame has a non-empty stack, which the JVM allows and javac never emits.
     */
    @Test
    void backwardBranchOverAnAwaitWithAValueOnTheStack() {
        MethodNode m = asyncMethod("run", RUN_DESC);
        Label head = new Label();
        Label end = new Label();
        m.visitInsn(ICONST_0);                                                            // [acc]
        m.visitInsn(ICONST_0);
        m.visitVarInsn(ISTORE, 1);                                                        // i = 0
        m.visitLabel(head);
        frame(m, locals(INTEGER, INTEGER), INTEGER);                                      // [acc]
        m.visitVarInsn(ILOAD, 1);
        m.visitInsn(ICONST_4);
        m.visitJumpInsn(IF_ICMPGE, end);                                                  // [acc]
        pushTaskOfLocal(m, 1);                                                            // [acc, task(i)]
        await(m);
        unboxInt(m);                                                                      // [acc, i]
        m.visitInsn(IADD);                                                                // [acc + i]
        m.visitIincInsn(1, 1);
        m.visitJumpInsn(GOTO, head);
        m.visitLabel(end);
        frame(m, locals(INTEGER, INTEGER), INTEGER);                                      // [acc]
        returnDone(m);
        HandBuiltRun.assertWovenRunsLikeUnwoven("StackLoop", classFile("StackLoop", m), "run", 6);
    }
}
