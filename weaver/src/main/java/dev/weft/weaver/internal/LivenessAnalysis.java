package dev.weft.weaver.internal;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.VarInsnNode;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.List;

/**
 * Which local variable slots are live (may be read before being written) before each instruction: the classic
 * backward data-flow problem, solved with a work list over {@link ControlFlow}.
 *
 * <p>{@code liveIn(i) = use(i) + (liveOut(i) - def(i)) + liveIn(handlers of i)}: an exception may leave an instruction
 * before its write, so what a handler reads is live across the whole protected range. A long or double is tracked
 * by its first slot. Only these slots are saved when a coroutine suspends.
 */
final class LivenessAnalysis {
    private final BitSet[] liveIn;

    private LivenessAnalysis(BitSet[] liveIn) {
        this.liveIn = liveIn;
    }

    /** The slots live before instruction {@code index}. */
    BitSet liveBefore(int index) {
        return liveIn[index];
    }

    static LivenessAnalysis of(InsnList instructions, ControlFlow flow) {
        int size = instructions.size();
        BitSet[] liveIn = new BitSet[size];
        int[][] predecessors = predecessors(flow);
        for (int i = 0; i < size; i++) {
            liveIn[i] = new BitSet();
        }
        ArrayDeque<Integer> work = new ArrayDeque<>();
        boolean[] queued = new boolean[size];
        for (int i = size - 1; i >= 0; i--) {
            work.add(i);
            queued[i] = true;
        }
        while (!work.isEmpty()) {
            int i = work.poll();
            queued[i] = false;
            BitSet in = transfer(instructions.get(i), i, flow, liveIn);
            if (!in.equals(liveIn[i])) {
                liveIn[i] = in;
                for (int p : predecessors[i]) {
                    if (!queued[p]) {
                        queued[p] = true;
                        work.add(p);
                    }
                }
            }
        }
        return new LivenessAnalysis(liveIn);
    }

    private static BitSet transfer(AbstractInsnNode insn, int i, ControlFlow flow, BitSet[] liveIn) {
        BitSet in = new BitSet();
        for (int s : flow.successors.get(i)) {
            in.or(liveIn[s]);
        }
        int opcode = insn.getOpcode();
        if (insn instanceof VarInsnNode) {
            int var = ((VarInsnNode) insn).var;
            if (opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE) {
                in.clear(var);
            } else {
                in.set(var);
            }
        } else if (insn instanceof IincInsnNode) {
            in.set(((IincInsnNode) insn).var);
        }
        for (int h : flow.handlers.get(i)) {
            in.or(liveIn[h]);
        }
        return in;
    }

    private static int[][] predecessors(ControlFlow flow) {
        int size = flow.size();
        int[] counts = new int[size];
        for (int i = 0; i < size; i++) {
            for (int s : flow.successors.get(i)) {
                counts[s]++;
            }
            for (int h : flow.handlers.get(i)) {
                counts[h]++;
            }
        }
        int[][] preds = new int[size][];
        for (int i = 0; i < size; i++) {
            preds[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (int i = 0; i < size; i++) {
            add(preds, counts, flow.successors.get(i), i);
            add(preds, counts, flow.handlers.get(i), i);
        }
        return preds;
    }

    private static void add(int[][] preds, int[] counts, List<Integer> targets, int from) {
        for (int t : targets) {
            preds[t][counts[t]++] = from;
        }
    }
}
