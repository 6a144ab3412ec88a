package dev.weft.weaver.internal;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.List;

import static dev.weft.weaver.internal.WeaverSupport.*;

/**
 * Rewrites the two call pairs of an {@code @Async} body whose middle task no code can ever see, so the runtime need
 * not make and keep it:
 * <ul>
 *   <li>{@code await(sleep(t))}: the sleep call becomes {@code Sleep.awaitedAtOnce(t)}, a sleep the awaiting coroutine
 *       waits for in the timer heap itself (a suspended sleeper then holds no sleep task);</li>
 *   <li>{@code return done(v)}: the done call becomes {@code co.returnValue(v)}, so no done task is made per return.
 *   </li>
 * </ul>
 * A pair is fused only when its two instructions are adjacent (no label, so no jump lands between them, and no
 * frame): then the task goes from one call straight into the other. Anything else keeps the general path. Both
 * rewrites leave the same types on the stack as the calls they replace.
 *
 * <p>Call order: {@link #sleepsAwaitedAtOnce} on the original code before it is analysed; {@link #returnsOfDone} on
 * the body once the coroutine has its local.
 */
final class FusedCalls {
    private FusedCalls() {
    }

    /** Turns each {@code sleep} call whose result goes straight into one of {@code awaits} into the fused form. */
    static void sleepsAwaitedAtOnce(List<AbstractInsnNode> awaits) {
        for (AbstractInsnNode await : awaits) {
            AbstractInsnNode previous = await.getPrevious();
            if (isWeftCall(previous, SLEEP, SLEEP_MILLIS_DESC) || isWeftCall(previous, SLEEP, SLEEP_DURATION_DESC)) {
                MethodInsnNode call = (MethodInsnNode) previous;
                call.owner = SLEEP_TASK;                                  // same arguments, same result type
                call.name = AWAITED_AT_ONCE;
            }
        }
    }

    /** Turns each {@code done(v); areturn} of {@code body} into {@code co.returnValue(v); areturn}. */
    static void returnsOfDone(InsnList body, int co) {
        for (AbstractInsnNode insn = body.getFirst(); insn != null; insn = insn.getNext()) {
            AbstractInsnNode next = insn.getNext();
            if (next == null || next.getOpcode() != Opcodes.ARETURN) {
                continue;
            }
            InsnList out = new InsnList();
            if (isWeftCall(insn, DONE, DONE_VALUE_DESC)) {
                // [.., v]
                out.add(new VarInsnNode(Opcodes.ALOAD, co));                                // [.., v, co]
                out.add(new InsnNode(Opcodes.SWAP));                                        // [.., co, v]
            } else if (isWeftCall(insn, DONE, DONE_VOID_DESC)) {
                // [..]
                out.add(new VarInsnNode(Opcodes.ALOAD, co));                                // [.., co]
                out.add(new InsnNode(Opcodes.ACONST_NULL));                                 // [.., co, null]
            } else {
                continue;
            }
            out.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, COROUTINE, RETURN_VALUE, RETURN_VALUE_DESC,
                    false));                                                                // [.., RETURNED]
            AbstractInsnNode last = out.getLast();
            body.insert(insn, out);
            body.remove(insn);
            insn = last;
        }
    }

    private static boolean isWeftCall(AbstractInsnNode insn, String name, String desc) {
        if (insn == null || insn.getOpcode() != Opcodes.INVOKESTATIC) {
            return false;
        }
        MethodInsnNode call = (MethodInsnNode) insn;
        return WEFT.equals(call.owner) && name.equals(call.name) && desc.equals(call.desc);
    }
}
