package dev.weft.weaver.internal;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.List;

/**
 * The verification types of every local and stack slot before each instruction of a method, recovered from the
 * method's own stack map frames.
 *
 * <p>Implementation overview. Since Java 7 a class file carries a frame at every branch target and after every
 * unconditional jump, and the JVM's type checker never merges: it steps types through straight-line code and checks
 * them against the next frame. This class does the same, in one forward pass: at a {@link FrameNode} the state is
 * reset to that frame, otherwise it is the previous instruction's state stepped by {@link VTypeInterpreter}. The
 * result is exactly what the verifier will assume, so frames the weaver writes from it verify, and no class is ever
 * loaded or looked up. Where an instruction cannot be reached (after an unconditional jump with no frame) the entry
 * is null.
 *
 * <p>Precondition: the method was read with {@code ClassReader.EXPAND_FRAMES} from a class file of version 50 or
 * later.
 */
final class FrameTypes {
    private final Frame<VType>[] frames;

    private FrameTypes(Frame<VType>[] frames) {
        this.frames = frames;
    }

    /** The types before instruction {@code index} of the method's list, or null if it cannot be reached. */
    Frame<VType> at(int index) {
        return frames[index];
    }

    @SuppressWarnings("unchecked")
    static FrameTypes compute(String owner, MethodNode method) throws AnalyzerException {
        VTypeInterpreter interpreter = new VTypeInterpreter();
        int size = method.instructions.size();
        Frame<VType>[] frames = (Frame<VType>[]) new Frame<?>[size];
        Frame<VType> current = initialFrame(owner, method);
        for (int i = 0; i < size; i++) {
            AbstractInsnNode insn = method.instructions.get(i);
            if (insn instanceof FrameNode) {
                current = fromFrameNode((FrameNode) insn, method);
            }
            if (current == null) {
                continue;
            }
            frames[i] = new Frame<>(current);
            if (insn.getOpcode() < 0) {
                continue;
            }
            step(current, insn, interpreter);
            if (endsFlow(insn.getOpcode())) {
                current = null;
            }
        }
        return new FrameTypes(frames);
    }

    private static boolean endsFlow(int opcode) {
        return opcode == Opcodes.GOTO || opcode == Opcodes.TABLESWITCH || opcode == Opcodes.LOOKUPSWITCH
                || opcode == Opcodes.ATHROW || (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN)
                || opcode == Opcodes.RET || opcode == Opcodes.JSR;
    }

    /** Executes {@code insn}; after a constructor call, the object it initialized takes its class type everywhere. */
    private static void step(Frame<VType> frame, AbstractInsnNode insn, VTypeInterpreter interpreter)
            throws AnalyzerException {
        VType receiver = null;
        if (insn.getOpcode() == Opcodes.INVOKESPECIAL && "<init>".equals(((MethodInsnNode) insn).name)) {
            int args = Type.getArgumentTypes(((MethodInsnNode) insn).desc).length;
            receiver = frame.getStack(frame.getStackSize() - args - 1);
        }
        frame.execute(insn, interpreter);
        if (receiver != null && receiver.isUninitialized()) {
            VType initialized = VType.ref(receiver.kind == VType.Kind.UNINIT
                    ? receiver.newInsn.desc : ((MethodInsnNode) insn).owner);
            for (int i = 0; i < frame.getLocals(); i++) {
                if (receiver.equals(frame.getLocal(i))) {
                    frame.setLocal(i, initialized);
                }
            }
            for (int i = 0; i < frame.getStackSize(); i++) {
                if (receiver.equals(frame.getStack(i))) {
                    frame.setStack(i, initialized);
                }
            }
        }
    }

    private static Frame<VType> initialFrame(String owner, MethodNode method) {
        Frame<VType> frame = emptyFrame(method);
        int slot = 0;
        if ((method.access & Opcodes.ACC_STATIC) == 0) {
            frame.setLocal(slot++, "<init>".equals(method.name) ? VType.UNINIT_THIS : VType.ref(owner));
        }
        for (Type arg : Type.getArgumentTypes(method.desc)) {
            VType type = VType.ofDescriptor(arg.getDescriptor());
            frame.setLocal(slot, type);
            slot += arg.getSize();
        }
        return frame;
    }

    private static Frame<VType> emptyFrame(MethodNode method) {
        Frame<VType> frame = new Frame<>(method.maxLocals, method.maxStack);
        for (int i = 0; i < method.maxLocals; i++) {
            frame.setLocal(i, VType.TOP);
        }
        return frame;
    }

    private static Frame<VType> fromFrameNode(FrameNode node, MethodNode method) {
        if (node.type != Opcodes.F_NEW) {
            throw new IllegalStateException("frames must be expanded (ClassReader.EXPAND_FRAMES)");
        }
        Frame<VType> frame = emptyFrame(method);
        int slot = 0;
        for (Object entry : node.local) {
            VType type = VType.ofFrameEntry(entry, label -> newInsnAfter((LabelNode) label));
            frame.setLocal(slot, type);
            slot += type.getSize();
        }
        List<Object> stack = node.stack;
        for (Object entry : stack) {
            frame.push(VType.ofFrameEntry(entry, label -> newInsnAfter((LabelNode) label)));
        }
        return frame;
    }

    /** The NEW instruction an {@code Uninitialized(label)} frame entry names. */
    static AbstractInsnNode newInsnAfter(LabelNode label) {
        AbstractInsnNode insn = label;
        while (insn != null && insn.getOpcode() < 0) {
            insn = insn.getNext();
        }
        if (insn == null || insn.getOpcode() != Opcodes.NEW) {
            throw new IllegalStateException("a frame names an uninitialized object whose label is not at a NEW");
        }
        return insn;
    }
}
