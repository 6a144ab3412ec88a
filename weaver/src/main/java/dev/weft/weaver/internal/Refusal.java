package dev.weft.weaver.internal;

import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * Why a method cannot be woven, and where: the instruction at fault (for its source line), or null for the method as
 * a whole. The message says what is wrong and what to do.
 */
public final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    final transient AbstractInsnNode at;

    Refusal(String message, AbstractInsnNode at) {
        super(message, null, false, false);
        this.at = at;
    }
}
