package dev.weft.weaver.internal;

import org.objectweb.asm.tree.AbstractInsnNode;

import java.util.Arrays;
import java.util.BitSet;

/**
 * What one suspension point saves and where: for each local slot and each operand stack value, its verification type
 * and its spill slot in the coroutine (reference slots and primitive slots are numbered separately).
 *
 * <p>Only live locals are saved. Locals the frame types but that are dead are not saved; on resume they are set to
 * zero or null, which keeps the resumed frame identical to the frame at the await (so later stack map frames still
 * verify) without keeping dead objects reachable. Values of type {@code null} need no slot. The receiver of an
 * instance body ({@link BodyShape}) is neither saved nor restored: the runtime passes it to every step.
 */
final class SpillPlan {
    /** Slot has no spill slot. */
    static final int NONE = -1;

    final int resumePoint;
    /** Type of each local slot (second halves of long and double are TOP). */
    final VType[] locals;
    final int[] localSlot;
    /** Operand stack under the awaited value, bottom first. */
    final VType[] stack;
    final int[] stackSlot;
    final int refSlots;
    final int primSlots;

    private SpillPlan(int resumePoint, VType[] locals, int[] localSlot, VType[] stack, int[] stackSlot,
                      int refSlots, int primSlots) {
        this.resumePoint = resumePoint;
        this.locals = locals;
        this.localSlot = localSlot;
        this.stack = stack;
        this.stackSlot = stackSlot;
        this.refSlots = refSlots;
        this.primSlots = primSlots;
    }

    /**
     * Plans a suspension point.
     *
     * @param locals types of the local slots at the point
     * @param live   the live local slots at the point
     * @param stack  the operand stack to keep, bottom first
     * @param at     the instruction, for refusals
     * @param shape  the body's shape: an instance body's receiver is never saved, and its reference slot is reserved
     */
    static SpillPlan of(int resumePoint, VType[] locals, BitSet live, VType[] stack, AbstractInsnNode at,
                        BodyShape shape) throws Refusal {
        int refs = shape.firstFreeRefSlot();
        int prims = 0;
        int[] localSlot = new int[locals.length];
        Arrays.fill(localSlot, NONE);
        for (int i = 0; i < locals.length; i++) {
            VType type = locals[i];
            checkInitialized(type, at);
            if (type.kind == VType.Kind.TOP || type.kind == VType.Kind.NULL || !live.get(i) || shape.isReceiver(i)) {
                continue;
            }
            localSlot[i] = type.kind == VType.Kind.REF ? refs++ : prims++;
        }
        int[] stackSlot = new int[stack.length];
        for (int i = 0; i < stack.length; i++) {
            VType type = stack[i];
            checkInitialized(type, at);
            if (type.kind == VType.Kind.NULL) {
                stackSlot[i] = NONE;
            } else {
                stackSlot[i] = type.kind == VType.Kind.REF ? refs++ : prims++;
            }
        }
        return new SpillPlan(resumePoint, locals, localSlot, stack, stackSlot, refs, prims);
    }

    private static void checkInitialized(VType type, AbstractInsnNode at) throws Refusal {
        if (type.isUninitialized()) {
            throw new Refusal("an uninitialized object is live across await(...); this bytecode cannot be woven",
                    at);
        }
    }
}
