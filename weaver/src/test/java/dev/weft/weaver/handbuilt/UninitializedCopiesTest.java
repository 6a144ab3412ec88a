package dev.weft.weaver.handbuilt;

import dev.weft.weaver.Problem;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.tree.MethodNode;

import static dev.weft.weaver.handbuilt.HandBuilt.*;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

/**
 * Copies of an uninitialized object beside the {@code NEW}/{@code DUP} pair, and stack shuffles that move the pair,
 * across an await. The weaver deletes the pair and emits it again just before the constructor call, which is right
 * only when nothing between the two points sees the two copies; every other shape must be refused with a message
 * naming the class, never woven into code that acts on the wrong values and never reported as a weaver failure.
 */
class UninitializedCopiesTest {
    private static final String INTEGER_CLASS = "java/lang/Integer";
    private static final String BUILDER = "java/lang/StringBuilder";
    private static final String INIT_OF_STRING = "(Ljava/lang/String;)V";

    /** [..] -> [.., "101"]: the awaited value of a task with the String "101". */
    private static void awaited101(MethodNode m) {
        pushStringTask(m, "101");
        await(m);
        m.visitTypeInsn(CHECKCAST, STRING);
    }

    private static void assertRefusedNaming(Problem p, String className) {
        assertTrue(p.message().contains("'new " + className + "(...)'"), p.message());
        assertTrue(p.message().contains("this bytecode cannot be woven: compile the class with javac, or assign the "
                + "awaited values to local variables first"), p.message());
    }

    /** A third copy of the object below the pair: moving the pair would leave it uninitialized. */
    @Test
    void thirdCopyOfAnUninitializedObjectAcrossAnAwaitIsRefused() {
        MethodNode m = asyncMethod("run", RUN_DESC);
        m.visitTypeInsn(NEW, INTEGER_CLASS);                                              // [u]
        m.visitInsn(DUP);                                                                 // [u, u]
        m.visitInsn(DUP);                                                                 // [u, u, u]
        awaited101(m);                                                                    // [u, u, u, S]
        m.visitMethodInsn(INVOKESPECIAL, INTEGER_CLASS, "<init>", INIT_OF_STRING, false); // [101, 101]
        m.visitInsn(POP);                                                                 // [101]
        done(m);
        m.visitInsn(ARETURN);
        Problem p = HandBuiltRun.assertRefused("ThirdCopy", classFile("ThirdCopy", m), "run");
        assertRefusedNaming(p, "java.lang.Integer");
    }

    /** A SWAP puts a value between the two copies: after the move it would swap other values. */
    @Test
    void swapBetweenTheTwoCopiesAcrossAnAwaitIsRefused() {
        MethodNode m = asyncMethod("run", RUN_DESC);
        m.visitLdcInsn("s");                                                              // [s]
        m.visitTypeInsn(NEW, INTEGER_CLASS);                                              // [s, u]
        m.visitInsn(DUP);                                                                 // [s, u, u]
        m.visitIntInsn(SIPUSH, 1);                                                        // [s, u, u, 1]
        m.visitInsn(SWAP);                                                                // [s, u, 1, u]
        awaited101(m);                                                                    // [s, u, 1, u, S]
        m.visitMethodInsn(INVOKESPECIAL, INTEGER_CLASS, "<init>", INIT_OF_STRING, false); // [s, 101, 1]
        m.visitInsn(POP);                                                                 // [s, 101]
        done(m);                                                                          // [s, task(101)]
        m.visitInsn(SWAP);                                                                // [task(101), s]
        m.visitInsn(POP);                                                                 // [task(101)]
        m.visitInsn(ARETURN);
        Problem p = HandBuiltRun.assertRefused("SwapBetween", classFile("SwapBetween", m), "run");
        assertRefusedNaming(p, "java.lang.Integer");
    }

    /**
     * A SWAP of the two copies themselves leaves every frame as it was, two copies at their places; but after the move
     * the SWAP would exchange the two Strings below. Only the rule that nothing between the pair and the constructor
     * call reaches down to the pair refuses it.
     */
    @Test
    void swapOfTheTwoCopiesAcrossAnAwaitIsRefused() {
        MethodNode m = asyncMethod("run", RUN_DESC);
        m.visitLdcInsn("a");                                                              // [a]
        m.visitLdcInsn("b");                                                              // [a, b]
        m.visitTypeInsn(NEW, BUILDER);                                                    // [a, b, u]
        m.visitInsn(DUP);                                                                 // [a, b, u, u]
        m.visitInsn(SWAP);                                                                // [a, b, u, u]
        awaited101(m);                                                                    // [a, b, u, u, S]
        m.visitMethodInsn(INVOKESPECIAL, BUILDER, "<init>", INIT_OF_STRING, false);       // [a, b, sb]
        m.visitInsn(POP);                                                                 // [a, b]
        m.visitMethodInsn(INVOKEVIRTUAL, STRING, "concat", "(Ljava/lang/String;)Ljava/lang/String;", false); // [ab]
        done(m);
        m.visitInsn(ARETURN);
        Problem p = HandBuiltRun.assertRefused("SwapOfCopies", classFile("SwapOfCopies", m), "run");
        assertRefusedNaming(p, "java.lang.StringBuilder");
    }

    /** Values pushed, copied and swapped above the two copies, across two awaits: the pair moves, woven. */
    @Test
    void shufflesAboveTheTwoCopiesAreWoven() {
        MethodNode m = asyncMethod("run", RUN_DESC);
        m.visitLdcInsn(5L);                                                               // [J]
        m.visitTypeInsn(NEW, BUILDER);                                                    // [J, u]
        m.visitInsn(DUP);                                                                 // [J, u, u]
        m.visitLdcInsn("x");                                                              // [J, u, u, x]
        awaited101(m);                                                                    // [J, u, u, x, S]
        m.visitInsn(DUP_X1);                                                              // [J, u, u, S, x, S]
        m.visitInsn(POP);                                                                 // [J, u, u, S, x]
        m.visitInsn(SWAP);                                                                // [J, u, u, x, S]
        m.visitMethodInsn(INVOKEVIRTUAL, STRING, "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
        pushTask(m, 2);                                                                   // [J, u, u, x101, task]
        await(m);                                                                         // [J, u, u, x101, v]
        m.visitInsn(POP);                                                                 // [J, u, u, x101]
        m.visitMethodInsn(INVOKESPECIAL, BUILDER, "<init>", INIT_OF_STRING, false);       // [J, sb]
        m.visitMethodInsn(INVOKEVIRTUAL, BUILDER, "length", "()I", false);                // [J, 4]
        m.visitInsn(I2L);
        m.visitInsn(LADD);                                                                // [9]
        m.visitInsn(L2I);
        returnDone(m);
        HandBuiltRun.assertWovenRunsLikeUnwoven("ShufflesAbove", classFile("ShufflesAbove", m), "run", 9);
    }

    /**
     * The object is initialized by one of two constructor calls, on two paths that part after the await: the pair is
     * emitted again before each.
     */
    @Test
    void constructorCalledOnEitherOfTwoPathsIsWoven() {
        MethodNode m = asyncMethod("run", "(II)Ldev/weft/Task;");
        Label atNew = new Label();
        Label other = new Label();
        Label join = new Label();
        m.visitLabel(atNew);
        m.visitTypeInsn(NEW, BUILDER);                                                    // [u]
        m.visitInsn(DUP);                                                                 // [u, u]
        awaited101(m);                                                                    // [u, u, S]
        m.visitVarInsn(ILOAD, 1);
        m.visitJumpInsn(IFEQ, other);                                                     // [u, u, S]
        m.visitMethodInsn(INVOKESPECIAL, BUILDER, "<init>", INIT_OF_STRING, false);       // [sb]
        m.visitJumpInsn(GOTO, join);
        m.visitLabel(other);
        frame(m, locals(INTEGER, INTEGER), atNew, atNew, STRING);                         // [u, u, S]
        m.visitLdcInsn("!");
        m.visitMethodInsn(INVOKEVIRTUAL, STRING, "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
        m.visitMethodInsn(INVOKESPECIAL, BUILDER, "<init>", INIT_OF_STRING, false);       // [sb]
        m.visitLabel(join);
        frame(m, locals(INTEGER, INTEGER), BUILDER);                                      // [sb]
        m.visitMethodInsn(INVOKEVIRTUAL, BUILDER, "length", "()I", false);                // [3 or 4]
        returnDone(m);
        byte[] input = classFile("TwoPaths", m);
        HandBuiltRun.assertWovenRunsLikeUnwoven("TwoPaths", input, "run", 3, 1);
        HandBuiltRun.assertWovenRunsLikeUnwoven("TwoPaths", input, "run", 4, 0);
    }
}
