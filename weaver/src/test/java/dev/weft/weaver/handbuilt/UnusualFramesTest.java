package dev.weft.weaver.handbuilt;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.tree.MethodNode;

import static dev.weft.weaver.handbuilt.HandBuilt.*;
import static org.objectweb.asm.Opcodes.*;

/**
 * Stack map frames javac would not write, and dead code: the weaver takes its types from the frames, so frames that
 * say less (TOP), say something wider (Object for a String), or stand where no jump leads must still give woven code
 * that verifies and runs.
 */
class UnusualFramesTest {

    /** A long sits in locals 1-2, but the frame at the join declares them TOP: the value is forgotten, not saved. */
    @Test
    void frameDeclaresAHeldLocalAsTop() {
        MethodNode m = asyncMethod("run", RUN_DESC);
        Label join = new Label();
        m.visitLdcInsn(1234L);
        m.visitVarInsn(LSTORE, 1);
        m.visitVarInsn(ILOAD, 0);
        m.visitJumpInsn(IFEQ, join);
        m.visitLabel(join);
        frame(m, locals(INTEGER, TOP, TOP));                                              // the long is forgotten
        pushTask(m, 5);
        await(m);
        unboxInt(m);
        m.visitLdcInsn(2L);
        m.visitVarInsn(LSTORE, 1);                                                        // written again before use
        m.visitInsn(I2L);
        m.visitVarInsn(LLOAD, 1);
        m.visitInsn(LMUL);
        m.visitInsn(L2I);
        returnDone(m);
        HandBuiltRun.assertWovenRunsLikeUnwoven("TopLocal", classFile("TopLocal", m), "run", 10);
    }

    /** A String in local 1 that the frame declares as Object: saved and restored as Object, cast back by the code. */
    @Test
    void frameDeclaresALocalWiderThanItsValue() {
        MethodNode m = asyncMethod("run", RUN_DESC);
        Label join = new Label();
        m.visitLdcInsn("abc");
        m.visitVarInsn(ASTORE, 1);
        m.visitJumpInsn(GOTO, join);
        m.visitLabel(join);
        frame(m, locals(INTEGER, "java/lang/Object"));
        pushTask(m, 4);
        await(m);
        unboxInt(m);
        m.visitVarInsn(ALOAD, 1);
        m.visitTypeInsn(CHECKCAST, STRING);
        m.visitMethodInsn(INVOKEVIRTUAL, STRING, "length", "()I", false);
        m.visitInsn(IADD);
        returnDone(m);
        HandBuiltRun.assertWovenRunsLikeUnwoven("WiderLocal", classFile("WiderLocal", m), "run", 7);
    }

    /**
     * Frames where no jump leads, in straight-line code: one just before the awaitable is pushed, one between the
     * pushes under it, and one right after the await call (where the weaver puts a frame of its own).
     */
    @Test
    void framesAtOffsetsNoJumpTargets() {
        MethodNode m = asyncMethod("run", RUN_DESC);
        m.visitLdcInsn("xy");                                                             // [S]
        m.visitLabel(new Label());
        frame(m, MODE_ONLY, STRING);
        pushTask(m, 3);                                                                   // [S, task]
        m.visitLabel(new Label());
        frame(m, MODE_ONLY, STRING, TASK);
        await(m);                                                                         // [S, v]
        m.visitLabel(new Label());
        frame(m, MODE_ONLY, STRING, "java/lang/Object");
        unboxInt(m);                                                                      // [S, I]
        m.visitInsn(SWAP);
        m.visitMethodInsn(INVOKEVIRTUAL, STRING, "length", "()I", false);
        m.visitInsn(IADD);
        returnDone(m);
        HandBuiltRun.assertWovenRunsLikeUnwoven("LoneFrames", classFile("LoneFrames", m), "run", 5);
    }

    /**
     * Code after the method's last return that no path reaches, with a frame (the JVM requires one after a return)
     * and an await in it. ASM's COMPUTE_FRAMES would have replaced it with nop/athrow; here it really is there. The
     * weaver must leave the dead await as it is and still produce code that verifies.
     */
    @Test
    void deadCodeWithAnAwaitAfterTheLastReturn() {
        MethodNode m = asyncMethod("run", RUN_DESC);
        pushTask(m, 8);
        await(m);
        unboxInt(m);
        returnDone(m);
        m.visitLabel(new Label());
        frame(m, MODE_ONLY);
        pushTask(m, 99);                                                                  // never runs
        await(m);
        unboxInt(m);
        returnDone(m);
        HandBuiltRun.assertWovenRunsLikeUnwoven("DeadCode", classFile("DeadCode", m), "run", 8);
    }
}
