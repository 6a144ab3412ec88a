package dev.weft.weaver.internal;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves {@code NEW}/{@code DUP} pairs whose uninitialized object is on the operand stack at an await.
 *
 * <p>{@code new Pair(await(a), await(b))} compiles to {@code NEW Pair; DUP; <args>; INVOKESPECIAL Pair.<init>}, so at
 * each await two uninitialized references sit on the stack. The JVM allows no way to store an uninitialized object,
 * so they cannot be saved across a suspension. This rewrite evaluates the arguments first: it deletes the
 * {@code NEW}/{@code DUP} pair, and before the constructor call stores the arguments in fresh locals, then emits
 * {@code NEW; DUP} and reloads them. The only visible change is that the class is initialized after the arguments are
 * evaluated instead of before. Frames between the two points lose their two uninitialized entries.
 *
 * <p>When the move is sound. Deleting the pair lowers by two every stack entry pushed after it, and the code between
 * the pair and the constructor call stays as it is; so it must neither see nor touch the two copies. The pair is moved
 * only if, for every instruction reachable from the {@code DUP} without passing a constructor call of the object
 * (its region; exception edges are not followed, since a handler starts with a stack of its own):
 * <ol>
 *   <li>its frame holds the object exactly twice, at stack positions h and h+1 (h = the stack height before the
 *       {@code NEW}), and in no local;</li>
 *   <li>it pops no entry below h+2 (a {@code SWAP} of the two copies leaves every frame the same, and is refused
 *       by this), unless it is a constructor call whose receiver is the copy at h+1 with its arguments right above;
 *       that call ends the region on its path.</li>
 * </ol>
 * Besides, the {@code DUP} directly follows the {@code NEW} with no branch target between them, at least one
 * constructor call ends the region, and no frame outside the region (dead code, a handler) names the object. Then each
 * path from the pair meets the two copies exactly where the rewrite removes them and finds them again, new, at its
 * constructor call; the pair is emitted again before each such call. Every other shape is refused with a message
 * naming the class: stack shuffles of the copies ({@code DUP_X1}, a third {@code DUP}, {@code SWAP}) are legal
 * bytecode, but javac never writes them and proving them right would need the rewrite to follow each copy.
 *
 * <p>Precondition: {@code types} were computed for the current instruction list. After the rewrite they are stale.
 */
final class NewRelocation {
    private static final String CANNOT_WEAVE = "this bytecode cannot be woven: compile the class with javac, or "
            + "assign the awaited values to local variables first";

    private NewRelocation() {
    }

    /** Rewrites every straddling {@code NEW}; returns false if there was none. */
    static boolean apply(String owner, MethodNode method, List<AbstractInsnNode> awaits, FrameTypes types)
            throws Refusal, AnalyzerException {
        InsnList insns = method.instructions;
        Set<TypeInsnNode> straddling = new LinkedHashSet<>();
        for (AbstractInsnNode await : awaits) {
            Frame<VType> frame = types.at(insns.indexOf(await));
            if (frame == null) {
                continue;
            }
            for (int i = 0; i < frame.getLocals(); i++) {
                if (frame.getLocal(i).isUninitialized()) {
                    throw new Refusal("an uninitialized object is stored in a local variable across await(...); "
                            + "this bytecode cannot be woven: compile the class with javac", await);
                }
            }
            for (int i = 0; i < frame.getStackSize(); i++) {
                VType value = frame.getStack(i);
                if (value.kind == VType.Kind.UNINIT_THIS) {
                    throw new Refusal("await(...) before the super constructor call; constructors cannot suspend",
                            await);
                }
                if (value.kind == VType.Kind.UNINIT) {
                    straddling.add(value.newInsn);
                }
            }
        }
        if (straddling.isEmpty()) {
            return false;
        }
        ControlFlow flow = ControlFlow.of(owner, method);
        List<Rewrite> rewrites = new ArrayList<>();
        for (TypeInsnNode newInsn : straddling) {
            if (flow.isReachable(insns.indexOf(newInsn))) {
                rewrites.add(plan(insns, newInsn, types, flow));
            }   // else dead code, as its awaits are: left as it is
        }
        for (Rewrite rewrite : rewrites) {
            rewrite.apply(method);
        }
        return !rewrites.isEmpty();
    }

    private static final class Rewrite {
        final TypeInsnNode newInsn;
        final AbstractInsnNode dup;
        /** The constructor calls that end the region, one a path. */
        final List<MethodInsnNode> inits;

        Rewrite(TypeInsnNode newInsn, AbstractInsnNode dup, List<MethodInsnNode> inits) {
            this.newInsn = newInsn;
            this.dup = dup;
            this.inits = inits;
        }

        void apply(MethodNode method) {
            InsnList insns = method.instructions;
            Set<LabelNode> marks = labelsBefore(newInsn);
            for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn instanceof FrameNode) {
                    FrameNode frame = (FrameNode) insn;
                    frame.stack.removeIf(marks::contains);   // only region frames name it, at h and h+1
                }
            }
            insns.remove(newInsn);
            insns.remove(dup);
            for (MethodInsnNode init : inits) {
                // Slots of their own for each call: calls on two paths may take different arguments.
                Type[] args = Type.getArgumentTypes(init.desc);
                int[] slots = new int[args.length];
                for (int i = 0; i < args.length; i++) {
                    slots[i] = method.maxLocals;
                    method.maxLocals += args[i].getSize();
                }
                InsnList before = new InsnList();                                                // [.., args]
                for (int i = args.length - 1; i >= 0; i--) {
                    before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), slots[i]));    // [..]
                }
                before.add(new TypeInsnNode(Opcodes.NEW, newInsn.desc));                         // [.., u]
                before.add(new InsnNode(Opcodes.DUP));                                           // [.., u, u]
                for (int i = 0; i < args.length; i++) {
                    before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), slots[i]));   // [.., u, u, args]
                }
                insns.insertBefore(init, before);
            }
        }
    }

    /** Checks the conditions of the class comment for {@code newInsn}; returns what to rewrite. */
    private static Rewrite plan(InsnList insns, TypeInsnNode newInsn, FrameTypes types, ControlFlow flow)
            throws Refusal {
        String what = "'new " + newInsn.desc.replace('/', '.') + "(...)'";
        AbstractInsnNode dup = nextReal(newInsn);
        if (dup == null || dup.getOpcode() != Opcodes.DUP) {
            throw new Refusal(what + " is not followed by DUP and its arguments contain await(...); "
                    + CANNOT_WEAVE, newInsn);
        }
        for (AbstractInsnNode between = newInsn.getNext(); between != dup; between = between.getNext()) {
            if (between instanceof FrameNode) {
                throw new Refusal(what + " has a branch target between NEW and DUP, and its arguments contain "
                        + "await(...); " + CANNOT_WEAVE, newInsn);
            }
        }
        VType object = VType.uninitialized(newInsn);
        Frame<VType> atNew = types.at(insns.indexOf(newInsn));   // [..], h entries
        if (atNew == null) {
            throw copiedOrMoved(what, newInsn);   // no types, no proof
        }
        int h = atNew.getStackSize();
        int dupIndex = insns.indexOf(dup);
        BitSet region = new BitSet(insns.size());
        List<MethodInsnNode> inits = new ArrayList<>();
        Deque<Integer> pending = new ArrayDeque<>(flow.successors.get(dupIndex));
        while (!pending.isEmpty()) {
            int index = pending.pop();
            if (region.get(index)) {
                continue;
            }
            region.set(index);
            AbstractInsnNode insn = insns.get(index);
            if (insn.getOpcode() < 0 && !(insn instanceof FrameNode)) {
                // A label or line number: no stack effect, and no types where it follows a jump before its frame.
                pending.addAll(flow.successors.get(index));
                continue;
            }
            Frame<VType> frame = types.at(index);
            if (frame == null || !holdsExactlyThePair(frame, object, h)) {
                throw copiedOrMoved(what, newInsn);
            }
            if (insn instanceof FrameNode) {
                pending.addAll(flow.successors.get(index));   // checked above: the rewrite edits exactly that entry
                continue;
            }
            int receiver = constructorReceiver(insn, frame);
            if (receiver >= 0 && object.equals(frame.getStack(receiver))) {
                if (receiver != h + 1) {
                    // The copy at h is the receiver, and the copy at h+1 one of the arguments.
                    throw copiedOrMoved(what, newInsn);
                }
                inits.add((MethodInsnNode) insn);
                continue;   // after the call the object is initialized: the region ends here on this path
            }
            if (lowestStackDuring(insn, frame) < h + 2) {
                throw copiedOrMoved(what, newInsn);
            }
            pending.addAll(flow.successors.get(index));
        }
        if (inits.isEmpty()) {
            throw new Refusal(what + " has no constructor call on any path, and its arguments contain await(...); "
                    + CANNOT_WEAVE, newInsn);
        }
        int newIndex = insns.indexOf(newInsn);
        for (int index = 0; index < insns.size(); index++) {
            Frame<VType> frame = types.at(index);
            boolean pairItself = index > newIndex && index <= dupIndex;   // one copy, where the rewrite deletes it
            if (!pairItself && !region.get(index) && frame != null && names(frame, object)) {
                // E.g. a frame in dead code: after the rewrite it would name a label no longer at a NEW.
                throw copiedOrMoved(what, newInsn);
            }
        }
        return new Rewrite(newInsn, dup, inits);
    }

    private static Refusal copiedOrMoved(String what, TypeInsnNode newInsn) {
        return new Refusal(what + " is copied or moved on the operand stack (by DUP_X1, SWAP, a second DUP or the "
                + "like) before its constructor call, and its arguments contain await(...); " + CANNOT_WEAVE, newInsn);
    }

    /** True if {@code frame} holds {@code object} at stack positions h and h+1 and nowhere else. */
    private static boolean holdsExactlyThePair(Frame<VType> frame, VType object, int h) {
        for (int i = 0; i < frame.getLocals(); i++) {
            if (object.equals(frame.getLocal(i))) {
                return false;
            }
        }
        if (frame.getStackSize() < h + 2) {
            return false;
        }
        for (int i = 0; i < frame.getStackSize(); i++) {
            if (object.equals(frame.getStack(i)) != (i == h || i == h + 1)) {
                return false;
            }
        }
        return true;
    }

    /** True if any local or stack entry of {@code frame} is {@code object}. */
    private static boolean names(Frame<VType> frame, VType object) {
        for (int i = 0; i < frame.getLocals(); i++) {
            if (object.equals(frame.getLocal(i))) {
                return true;
            }
        }
        for (int i = 0; i < frame.getStackSize(); i++) {
            if (object.equals(frame.getStack(i))) {
                return true;
            }
        }
        return false;
    }

    /** The stack position of the receiver if {@code insn} is a constructor call, else -1. */
    private static int constructorReceiver(AbstractInsnNode insn, Frame<VType> frame) {
        if (insn.getOpcode() != Opcodes.INVOKESPECIAL || !"<init>".equals(((MethodInsnNode) insn).name)) {
            return -1;
        }
        return frame.getStackSize() - Type.getArgumentTypes(((MethodInsnNode) insn).desc).length - 1;
    }

    /**
     * The lowest stack height {@code insn} leaves while it runs from {@code frame}: how deep it reaches. Found by
     * running it, so that each stack instruction counts by the categories of the values it meets (DUP2 over a long
     * reaches one entry down, over two ints two).
     */
    private static int lowestStackDuring(AbstractInsnNode insn, Frame<VType> frame) throws Refusal {
        DepthFrame run = new DepthFrame(frame);
        try {
            run.execute(insn, new VTypeInterpreter());
        } catch (AnalyzerException | RuntimeException e) {
            // The verifier accepted this code, so this is not reached; if it were, no proof: refuse.
            throw new Refusal("cannot follow the operand stack through this instruction (" + e.getMessage()
                    + "); " + CANNOT_WEAVE, insn);
        }
        return run.lowest;
    }

    /** A frame that remembers the lowest stack height its pops reach. */
    private static final class DepthFrame extends Frame<VType> {
        int lowest;

        DepthFrame(Frame<VType> frame) {
            super(frame);
            lowest = frame.getStackSize();
        }

        @Override
        public VType pop() {
            VType value = super.pop();
            lowest = Math.min(lowest, getStackSize());
            return value;
        }
    }

    private static AbstractInsnNode nextReal(AbstractInsnNode insn) {
        AbstractInsnNode next = insn.getNext();
        while (next != null && next.getOpcode() < 0) {
            next = next.getNext();
        }
        return next;
    }

    /** The labels directly before {@code insn}: an {@code Uninitialized} frame entry names one of them. */
    private static Set<LabelNode> labelsBefore(AbstractInsnNode insn) {
        Set<LabelNode> labels = new LinkedHashSet<>();
        for (AbstractInsnNode p = insn.getPrevious(); p != null && p.getOpcode() < 0; p = p.getPrevious()) {
            if (p instanceof LabelNode) {
                labels.add((LabelNode) p);
            }
        }
        return labels;
    }
}
