package dev.weft.weaver.internal;

import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.List;

/**
 * The control-flow graph of a method, as ASM's {@link Analyzer} walks it: for each instruction index, its normal
 * successors and the handlers that may receive its exceptions. Uses {@link BasicInterpreter}, which needs no class
 * hierarchy.
 */
final class ControlFlow {
    final List<List<Integer>> successors;
    final List<List<Integer>> handlers;
    private final Frame<BasicValue>[] reached;

    private ControlFlow(Frame<BasicValue>[] reached, List<List<Integer>> successors,
                        List<List<Integer>> handlers) {
        this.reached = reached;
        this.successors = successors;
        this.handlers = handlers;
    }

    static ControlFlow of(String owner, MethodNode method) throws AnalyzerException {
        int size = method.instructions.size();
        List<List<Integer>> successors = emptyLists(size);
        List<List<Integer>> handlers = emptyLists(size);
        Analyzer<BasicValue> analyzer = new Analyzer<>(new BasicInterpreter()) {
            @Override
            protected void newControlFlowEdge(int insn, int successor) {
                successors.get(insn).add(successor);
            }

            @Override
            protected boolean newControlFlowExceptionEdge(int insn, int successor) {
                handlers.get(insn).add(successor);
                return true;
            }
        };
        Frame<BasicValue>[] frames = analyzer.analyze(owner, method);
        return new ControlFlow(frames, successors, handlers);
    }

    private static List<List<Integer>> emptyLists(int size) {
        List<List<Integer>> lists = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            lists.add(new ArrayList<>(2));
        }
        return lists;
    }

    /** @return true if instruction {@code index} can be reached from the method's entry */
    boolean isReachable(int index) {
        return reached[index] != null;
    }

    int size() {
        return successors.size();
    }
}
