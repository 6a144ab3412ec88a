package dev.weft.weaver.internal;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;

import java.util.ArrayDeque;

/**
 * How many monitors ({@code synchronized} blocks) may be held before each instruction: a forward data-flow over
 * {@link ControlFlow} that keeps the largest count seen. An exception edge carries the count before the throwing
 * instruction, which keeps javac's own {@code monitorexit} handlers consistent.
 */
final class MonitorAnalysis {
    /** Bounds the count so that a loop taking a monitor on each turn still reaches a fixed point. */
    private static final int MAX_DEPTH = 64;

    private MonitorAnalysis() {
    }

    /** Monitors held before each instruction; -1 where unreachable. */
    static int[] held(InsnList instructions, ControlFlow flow) {
        int size = instructions.size();
        int[] depth = new int[size];
        java.util.Arrays.fill(depth, -1);
        if (size == 0) {
            return depth;
        }
        ArrayDeque<Integer> work = new ArrayDeque<>();
        depth[0] = 0;
        work.add(0);
        while (!work.isEmpty()) {
            int i = work.poll();
            int before = depth[i];
            int opcode = instructions.get(i).getOpcode();
            int after = opcode == Opcodes.MONITORENTER ? Math.min(MAX_DEPTH, before + 1)
                    : opcode == Opcodes.MONITOREXIT ? Math.max(0, before - 1) : before;
            for (int s : flow.successors.get(i)) {
                if (after > depth[s]) {
                    depth[s] = after;
                    work.add(s);
                }
            }
            for (int h : flow.handlers.get(i)) {
                if (before > depth[h]) {
                    depth[h] = before;
                    work.add(h);
                }
            }
        }
        return depth;
    }
}
