package dev.weft.weaver.handbuilt;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;

import static dev.weft.weaver.handbuilt.HandBuilt.*;
import static org.objectweb.asm.Opcodes.*;

/**
 * An await in a method with more than 255 locals: its loads and stores need {@code wide}, and so do the weaver's
 * spills, restores and the coroutine's own local, which comes after all of them.
 */
class WideLocalsTest {

    @Test
    void awaitWithLiveLocalsPastSlot255() {
        MethodNode m = asyncMethod("run", RUN_DESC);
        m.visitIntInsn(BIPUSH, 11);
        m.visitVarInsn(ISTORE, 260);
        m.visitLdcInsn(1000L);
        m.visitVarInsn(LSTORE, 270);
        m.visitLdcInsn("xyz");
        m.visitVarInsn(ASTORE, 290);
        Label join = new Label();
        m.visitVarInsn(ILOAD, 0);
        m.visitJumpInsn(IFEQ, join);
        m.visitLabel(join);
        frame(m, wideLocals());                                                           // a frame over 291 slots
        pushTask(m, 5);
        await(m);
        unboxInt(m);
        m.visitVarInsn(ILOAD, 260);
        m.visitInsn(IADD);
        m.visitInsn(I2L);
        m.visitVarInsn(LLOAD, 270);
        m.visitInsn(LADD);
        m.visitInsn(L2I);
        m.visitVarInsn(ALOAD, 290);
        m.visitMethodInsn(INVOKEVIRTUAL, STRING, "length", "()I", false);
        m.visitInsn(IADD);
        returnDone(m);
        HandBuiltRun.assertWovenRunsLikeUnwoven("WideLocals", classFile("WideLocals", m), "run", 5 + 11 + 1000 + 3);
    }

    /** mode, TOP up to 259, int at 260, TOP to 269, long at 270-271, TOP to 289, String at 290. */
    private static Object[] wideLocals() {
        List<Object> locals = new ArrayList<>();
        locals.add(INTEGER);
        while (locals.size() < 260) {
            locals.add(TOP);
        }
        locals.add(INTEGER);
        while (locals.size() < 270) {
            locals.add(TOP);
        }
        locals.add(LONG);                                                                 // one entry, two slots
        while (locals.size() < 289) {
            locals.add(TOP);
        }
        locals.add(STRING);
        return locals.toArray();
    }
}
