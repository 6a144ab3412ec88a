package dev.weft.weaver.internal;

import dev.weft.weaver.corpus.Corpus;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The weaver's analyses run over every method of the real-world corpus, not only over the early exit that leaves
 * those classes untouched: {@link ControlFlow}, {@link LivenessAnalysis} and {@link MonitorAnalysis} over every
 * method (with and without stack map frames), and {@link FrameTypes} over every method that has frames, checked
 * at every reachable instruction against ASM's own {@link Analyzer}.
 *
 * <p>Why the cross-check: the weaver writes the stack map frames of woven code from {@link FrameTypes}, which steps
 * types forward from the class's own frames instead of merging. Where the JVM can reach an instruction, the two must
 * agree on the depth of the operand stack, on the size and reference-ness of each value on it, and on every local
 * {@link FrameTypes} gives a type to. A disagreement means a spill or a frame the weaver would write wrongly.
 */
class CorpusAnalysisTest {

    @Test
    void controlFlowLivenessAndMonitorsRunOverEveryCorpusMethod() throws Exception {
        int methods = 0;
        for (Corpus.Entry e : Corpus.all()) {
            ClassNode node = read(e.bytes());
            for (MethodNode m : node.methods) {
                if (m.instructions.size() == 0) {
                    continue;
                }
                ControlFlow flow = ControlFlow.of(node.name, m);
                LivenessAnalysis.of(m.instructions, flow);
                MonitorAnalysis.held(m.instructions, flow);
                methods++;
            }
        }
        System.out.println("corpus analysis: control flow, liveness and monitors over " + methods + " methods of "
                + Corpus.all().size() + " classes");
        assertTrue(methods > 50_000, "methods: " + methods);
    }

    @Test
    void frameTypesAgreeWithAsmsAnalyzerOnEveryReachableInstruction() throws Exception {
        List<String> disagreements = new ArrayList<>();
        int methods = 0;
        long instructions = 0;
        for (Corpus.Entry e : Corpus.withFrames()) {
            ClassNode node = read(e.bytes());
            for (MethodNode m : node.methods) {
                if (m.instructions.size() == 0) {
                    continue;
                }
                FrameTypes types = FrameTypes.compute(node.name, m);
                Frame<BasicValue>[] basic = new Analyzer<>(new BasicInterpreter()).analyze(node.name, m);
                for (int i = 0; i < basic.length; i++) {
                    // Real instructions only: a label that opens a block comes before the frame that types it.
                    if (basic[i] != null && m.instructions.get(i).getOpcode() >= 0) {
                        String problem = disagreement(types.at(i), basic[i]);
                        if (problem != null && disagreements.size() < 20) {
                            disagreements.add(e + " " + m.name + m.desc + " at " + i + ": " + problem);
                        }
                        instructions++;
                    }
                }
                methods++;
            }
        }
        System.out.println("corpus analysis: frame types checked at " + instructions + " instructions of " + methods
                + " methods of " + Corpus.withFrames().size() + " classes with frames");
        assertEquals(List.of(), disagreements);
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.EXPAND_FRAMES);
        return node;
    }

    /** Why {@code typed} (from FrameTypes) and {@code basic} (ASM's merging Analyzer) disagree, or null. */
    private static String disagreement(Frame<VType> typed, Frame<BasicValue> basic) {
        if (typed == null) {
            return "reachable, but FrameTypes has no types";
        }
        if (typed.getStackSize() != basic.getStackSize()) {
            return "stack depth " + typed.getStackSize() + " but the analyzer has " + basic.getStackSize();
        }
        for (int s = 0; s < typed.getStackSize(); s++) {
            if (!sameKind(typed.getStack(s), basic.getStack(s))) {
                return "stack " + s + " is " + typed.getStack(s) + " but the analyzer has " + basic.getStack(s);
            }
        }
        for (int l = 0; l < typed.getLocals(); l++) {
            VType local = typed.getLocal(l);
            if (local.kind != VType.Kind.TOP && !sameKind(local, basic.getLocal(l))) {
                return "local " + l + " is " + local + " but the analyzer has " + basic.getLocal(l);
            }
        }
        return null;
    }

    private static boolean sameKind(VType typed, BasicValue basic) {
        switch (typed.kind) {
            case INT: return basic == BasicValue.INT_VALUE;
            case FLOAT: return basic == BasicValue.FLOAT_VALUE;
            case LONG: return basic == BasicValue.LONG_VALUE;
            case DOUBLE: return basic == BasicValue.DOUBLE_VALUE;
            case TOP: return false;
            default: return basic == BasicValue.REFERENCE_VALUE;
        }
    }
}
