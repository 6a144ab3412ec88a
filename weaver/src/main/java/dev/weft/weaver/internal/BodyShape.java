package dev.weft.weaver.internal;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Whether a coroutine body is an instance method of the receiver or a static method, and what follows from it.
 *
 * <p>An instance {@code @Async} method (or a lambda capturing {@code this}) gets an instance body: the body's own
 * receiver is {@code this}, in local 0 exactly where the original code expects it, so a debugger shows {@code this}
 * and its fields and the body never saves or restores it. The stub stores the receiver once in reference spill slot
 * {@link #RECEIVER_REF_SLOT}, the runtime passes it back as the receiver of every step, and no other value uses that
 * slot. The body is {@code private synthetic Object NAME(Coroutine)}.
 *
 * <p>A static method, or an instance method whose code writes local 0 (javac never emits that, but the JVM allows it),
 * gets a static body {@code private static synthetic Object NAME(Object unused, Coroutine)}: local 0 is then an
 * ordinary local, saved and restored like the others. In both shapes the coroutine argument is local
 * {@link #COROUTINE_ARGUMENT}; see {@code dev.weft.internal.CoroutineBody}.
 */
enum BodyShape {
    STATIC(Opcodes.ACC_STATIC, WeaverSupport.STATIC_BODY_DESC, Opcodes.H_INVOKESTATIC),
    RECEIVER(0, WeaverSupport.INSTANCE_BODY_DESC, Opcodes.H_INVOKESPECIAL);

    /** The reference spill slot that holds an instance body's receiver for the coroutine's whole life. */
    static final int RECEIVER_REF_SLOT = 0;
    /** The local of the body's coroutine argument, in both shapes. */
    static final int COROUTINE_ARGUMENT = 1;

    /** {@code ACC_STATIC} or 0, added to the body's access flags. */
    final int staticFlag;
    final String descriptor;
    /** The kind of the method handle the stub's {@code invokedynamic} binds. */
    final int handleKind;

    BodyShape(int staticFlag, String descriptor, int handleKind) {
        this.staticFlag = staticFlag;
        this.descriptor = descriptor;
        this.handleKind = handleKind;
    }

    /** The shape of {@code method}'s body. */
    static BodyShape of(MethodNode method) {
        if ((method.access & Opcodes.ACC_STATIC) != 0 || writesLocalZero(method)) {
            return STATIC;
        }
        return RECEIVER;
    }

    /** True if local {@code var} is the body's receiver: kept by the call, never saved, restored or cleared. */
    boolean isReceiver(int var) {
        return this == RECEIVER && var == 0;
    }

    /** The first reference spill slot free for locals and stack values. */
    int firstFreeRefSlot() {
        return this == RECEIVER ? RECEIVER_REF_SLOT + 1 : 0;
    }

    private static boolean writesLocalZero(MethodNode method) {
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            int op = insn.getOpcode();
            if (op >= Opcodes.ISTORE && op <= Opcodes.ASTORE && ((VarInsnNode) insn).var == 0) {
                return true;
            }
            if (op == Opcodes.IINC && ((IincInsnNode) insn).var == 0) {
                return true;
            }
        }
        return false;
    }
}
