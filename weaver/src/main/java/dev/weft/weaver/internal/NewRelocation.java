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
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
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
 * <p>Precondition: {@code types} were computed for the current instruction list. After the rewrite they are stale.
 */
final class NewRelocation {
    private NewRelocation() {
    }

    /** Rewrites every straddling {@code NEW}; returns false if there was none. */
    static boolean apply(MethodNode method, List<AbstractInsnNode> awaits, FrameTypes types) throws Refusal {
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
        List<Rewrite> rewrites = new ArrayList<>();
        for (TypeInsnNode newInsn : straddling) {
            rewrites.add(plan(insns, newInsn, types));
        }
        for (Rewrite rewrite : rewrites) {
            rewrite.apply(method);
        }
        return true;
    }

    private static final class Rewrite {
        final TypeInsnNode newInsn;
        final AbstractInsnNode dup;
        final MethodInsnNode init;

        Rewrite(TypeInsnNode newInsn, AbstractInsnNode dup, MethodInsnNode init) {
            this.newInsn = newInsn;
            this.dup = dup;
            this.init = init;
        }

        void apply(MethodNode method) {
            InsnList insns = method.instructions;
            Set<LabelNode> marks = labelsBefore(newInsn);
            for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn instanceof FrameNode) {
                    FrameNode frame = (FrameNode) insn;
                    frame.stack.removeIf(marks::contains);
                }
            }
            insns.remove(newInsn);
            insns.remove(dup);
            // Before the constructor call: [.., arg1..argN] -> store args -> NEW; DUP -> reload args.
            Type[] args = Type.getArgumentTypes(init.desc);
            int[] slots = new int[args.length];
            int next = method.maxLocals;
            for (int i = 0; i < args.length; i++) {
                slots[i] = next;
                next += args[i].getSize();
            }
            method.maxLocals = next;
            InsnList before = new InsnList();
            for (int i = args.length - 1; i >= 0; i--) {
                before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ISTORE), slots[i]));     // [..]
            }
            before.add(new TypeInsnNode(Opcodes.NEW, newInsn.desc));                             // [.., u]
            before.add(new InsnNode(Opcodes.DUP));                                               // [.., u, u]
            for (int i = 0; i < args.length; i++) {
                before.add(new VarInsnNode(args[i].getOpcode(Opcodes.ILOAD), slots[i]));       // [.., u, u, args]
            }
            insns.insertBefore(init, before);
        }
    }

    private static Rewrite plan(InsnList insns, TypeInsnNode newInsn, FrameTypes types) throws Refusal {
        AbstractInsnNode dup = nextReal(newInsn);
        if (dup == null || dup.getOpcode() != Opcodes.DUP) {
            throw new Refusal("'new " + newInsn.desc.replace('/', '.') + "(...)' is not followed by DUP and its "
                    + "arguments contain await(...); this bytecode cannot be woven: compile the class with javac, "
                    + "or assign the awaited values to local variables first", newInsn);
        }
        MethodInsnNode init = null;
        for (AbstractInsnNode insn = dup.getNext(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() != Opcodes.INVOKESPECIAL || !"<init>".equals(((MethodInsnNode) insn).name)) {
                continue;
            }
            Frame<VType> frame = types.at(insns.indexOf(insn));
            if (frame == null) {
                continue;
            }
            int args = Type.getArgumentTypes(((MethodInsnNode) insn).desc).length;
            VType receiver = frame.getStack(frame.getStackSize() - args - 1);
            if (receiver.kind == VType.Kind.UNINIT && receiver.newInsn == newInsn) {
                if (init != null) {
                    throw new Refusal("the object of 'new " + newInsn.desc.replace('/', '.')
                            + "(...)' is initialized on two paths; this bytecode cannot be woven", newInsn);
                }
                init = (MethodInsnNode) insn;
            }
        }
        if (init == null) {
            throw new Refusal("no constructor call for 'new " + newInsn.desc.replace('/', '.') + "(...)'", newInsn);
        }
        return new Rewrite(newInsn, dup, init);
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
