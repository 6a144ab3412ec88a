package dev.weft.weaver.internal;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;

/** Finds the calls to {@code Weft.await} in a method: the points where a coroutine may suspend. */
final class AwaitCalls {
    private AwaitCalls() {
    }

    static boolean isAwait(AbstractInsnNode insn) {
        if (insn.getOpcode() != Opcodes.INVOKESTATIC) {
            return false;
        }
        MethodInsnNode call = (MethodInsnNode) insn;
        return WeaverSupport.WEFT.equals(call.owner) && WeaverSupport.AWAIT.equals(call.name)
                && (WeaverSupport.AWAIT_TASK_DESC.equals(call.desc)
                || WeaverSupport.AWAIT_STAGE_DESC.equals(call.desc));
    }

    static List<AbstractInsnNode> in(MethodNode method) {
        List<AbstractInsnNode> calls = new ArrayList<>();
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (isAwait(insn)) {
                calls.add(insn);
            }
        }
        return calls;
    }
}
