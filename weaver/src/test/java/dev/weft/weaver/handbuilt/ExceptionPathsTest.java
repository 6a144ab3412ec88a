package dev.weft.weaver.handbuilt;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.tree.MethodNode;

import static dev.weft.weaver.handbuilt.HandBuilt.*;
import static org.objectweb.asm.Opcodes.*;

/** Awaits in exception handlers and try ranges laid out as javac does not lay them out. */
class ExceptionPathsTest {
    /** {@code (int mode, int fail) -> Task}. */
    private static final String RUN_FAIL_DESC = "(II)Ldev/weft/Task;";

    /**
     * {@code a = await(1); if (fail) throw ...; } finally {@code a += await(10)}, the finally code copied into the
     * normal exit and into a catch-any handler that rethrows, the same await call in each copy, as javac copies finally
     * blocks (no jsr).
     */
    private static MethodNode duplicatedFinally() {
        MethodNode m = asyncMethod("run", RUN_FAIL_DESC);
        Label tryStart = new Label();
        Label tryEnd = new Label();
        Label handler = new Label();
        m.visitTryCatchBlock(tryStart, tryEnd, handler, null);
        m.visitInsn(ICONST_0);
        m.visitVarInsn(ISTORE, 2);                                                        // a = 0
        m.visitLabel(tryStart);
        pushTask(m, 1);
        await(m);
        unboxInt(m);
        m.visitVarInsn(ISTORE, 2);                                                        // a = await(1)
        m.visitVarInsn(ILOAD, 1);
        m.visitJumpInsn(IFEQ, tryEnd);
        m.visitTypeInsn(NEW, "java/lang/IllegalStateException");
        m.visitInsn(DUP);
        m.visitLdcInsn("boom");
        m.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "(Ljava/lang/String;)V", false);
        m.visitInsn(ATHROW);
        m.visitLabel(tryEnd);
        frame(m, locals(INTEGER, INTEGER, INTEGER));
        finallyCopy(m);                                                                   // normal exit
        m.visitVarInsn(ILOAD, 2);
        returnDone(m);
        m.visitLabel(handler);
        frame(m, locals(INTEGER, INTEGER, INTEGER), THROWABLE);
        m.visitVarInsn(ASTORE, 3);
        finallyCopy(m);                                                                   // exceptional exit
        m.visitVarInsn(ALOAD, 3);
        m.visitInsn(ATHROW);
        return m;
    }

    /** a += await(10). */
    private static void finallyCopy(MethodNode m) {
        m.visitVarInsn(ILOAD, 2);
        pushTask(m, 10);
        await(m);
        unboxInt(m);
        m.visitInsn(IADD);
        m.visitVarInsn(ISTORE, 2);
    }

    @Test
    void awaitInEachCopyOfADuplicatedFinallyOnTheNormalPath() {
        byte[] input = classFile("DuplicatedFinally", duplicatedFinally());
        HandBuiltRun.assertWovenRunsLikeUnwoven("DuplicatedFinally", input, "run", 11, 0);
    }

    @Test
    void awaitInEachCopyOfADuplicatedFinallyOnTheExceptionalPath() {
        byte[] input = classFile("DuplicatedFinally", duplicatedFinally());
        HandBuiltRun.assertWovenRunsLikeUnwoven("DuplicatedFinally", input, "run",
                "threw java.lang.IllegalStateException: boom", 1);
    }

    /**
     * Two separate try ranges, each around an await of a task that fails when {@code fail} picks it, share one
     * handler, which awaits with the caught exception still on the operand stack and then uses it.
     */
    @Test
    void twoTryRangesShareOneHandlerThatAwaitsWithTheExceptionOnTheStack() {
        MethodNode m = asyncMethod("run", RUN_FAIL_DESC);
        Label firstStart = new Label();
        Label firstEnd = new Label();
        Label secondStart = new Label();
        Label secondEnd = new Label();
        Label handler = new Label();
        m.visitTryCatchBlock(firstStart, firstEnd, handler, "java/lang/IllegalArgumentException");
        m.visitTryCatchBlock(secondStart, secondEnd, handler, "java/lang/IllegalArgumentException");
        m.visitLabel(firstStart);
        awaitOneOrFail(m, 1, "first", locals(INTEGER, INTEGER));                         // [I]
        m.visitLabel(firstEnd);
        m.visitVarInsn(ISTORE, 2);
        m.visitLdcInsn("between");                                                        // outside both ranges
        m.visitVarInsn(ASTORE, 3);
        m.visitLabel(secondStart);
        awaitOneOrFail(m, 2, "second", locals(INTEGER, INTEGER, INTEGER, STRING));       // [I]
        m.visitLabel(secondEnd);
        m.visitVarInsn(ILOAD, 2);
        m.visitInsn(IADD);
        returnDone(m);
        m.visitLabel(handler);
        frame(m, locals(INTEGER, INTEGER), "java/lang/IllegalArgumentException");        // [e]
        pushTask(m, 100);
        await(m);                                                                         // [e, v]
        unboxInt(m);                                                                      // [e, I]
        m.visitInsn(SWAP);                                                                // [I, e]
        m.visitMethodInsn(INVOKEVIRTUAL, THROWABLE, "getMessage", "()Ljava/lang/String;", false);
        m.visitMethodInsn(INVOKEVIRTUAL, STRING, "length", "()I", false);                 // [I, len]
        m.visitInsn(IADD);
        returnDone(m);
        byte[] input = classFile("SharedHandler", m);
        HandBuiltRun.assertWovenRunsLikeUnwoven("SharedHandler", input, "run", 3, 0);
        HandBuiltRun.assertWovenRunsLikeUnwoven("SharedHandler", input, "run", 105, 1);   // "first"
        HandBuiltRun.assertWovenRunsLikeUnwoven("SharedHandler", input, "run", 106, 2);   // "second"
    }

    /**
     * [..] -> [.., int]: await(value), or a task failing with {@code message} when local 1 equals {@code value};
     * {@code locals} are the frame's locals there.
     */
    private static void awaitOneOrFail(MethodNode m, int value, String message, Object[] locals) {
        Label ok = new Label();
        Label awaitIt = new Label();
        m.visitVarInsn(ILOAD, 1);
        m.visitLdcInsn(value);
        m.visitJumpInsn(IF_ICMPNE, ok);
        pushFailingTask(m, message);
        m.visitJumpInsn(GOTO, awaitIt);
        m.visitLabel(ok);
        frame(m, locals);
        pushTask(m, value);
        m.visitLabel(awaitIt);
        frame(m, locals, TASK);
        await(m);
        unboxInt(m);
    }

    /**
     * A catch-Throwable handler whose range covers the await call itself: the awaited task's failure, thrown by the
     * await, lands in the handler, whether the task fails at once or after suspending.
     */
    @Test
    void throwableHandlerCoveringTheAwaitCallCatchesTheAwaitedFailure() {
        MethodNode m = asyncMethod("run", RUN_DESC);
        Label callStart = new Label();
        Label callEnd = new Label();
        Label handler = new Label();
        pushFailingTask(m, "bad");                                                        // [task]
        m.visitTryCatchBlock(callStart, callEnd, handler, THROWABLE);
        m.visitLabel(callStart);
        await(m);                                                                         // only the call is covered
        m.visitLabel(callEnd);
        unboxInt(m);
        returnDone(m);
        m.visitLabel(handler);
        frame(m, MODE_ONLY, THROWABLE);
        m.visitMethodInsn(INVOKEVIRTUAL, THROWABLE, "getMessage", "()Ljava/lang/String;", false);
        m.visitMethodInsn(INVOKEVIRTUAL, STRING, "length", "()I", false);
        returnDone(m);
        HandBuiltRun.assertWovenRunsLikeUnwoven("ThrowableHandler", classFile("ThrowableHandler", m), "run", 3);
    }
}
