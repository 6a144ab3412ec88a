package dev.weft.weaver.corpus;

import dev.weft.weaver.Problem;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.MethodVisitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forced variant of the corpus: every method of every corpus class with frames gets an {@code @Async} twin that
 * awaits before each call ({@link AsyncTwins}), so the whole transform (types, {@code new}/{@code dup} relocation,
 * liveness, spill plans, emitted frames) runs on real-world code shapes, not only the early exit. Each twin is woven
 * or refused for a reason of the contract, and each woven class passes the JVM's own verifier.
 */
class CorpusTwinsWeavingTest {

    @Test
    void everyTwinIsWovenOrRefusedForAReasonOfTheContract() {
        assertEquals(List.of(), WovenTwins.failures());
        Map<String, Integer> reasons = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        int refused = 0;
        for (WovenTwins.Result r : WovenTwins.all()) {
            for (Problem p : r.refused()) {
                refused++;
                String reason = p.message().contains("synchronized block") ? "await inside synchronized"
                        : p.message().contains("64 KB") ? "over the 64 KB method limit" : null;
                if (reason == null) {
                    unexpected.add(r.entry() + ": " + p);
                } else {
                    reasons.merge(reason, 1, Integer::sum);
                }
            }
        }
        System.out.println("corpus twins: " + WovenTwins.twinCount() + " twins woven in " + WovenTwins.woven().size()
                + " classes; " + refused + " refused: " + reasons);
        assertEquals(List.of(), unexpected);
        assertTrue(WovenTwins.twinCount() > 25_000, "twins woven: " + WovenTwins.twinCount());
    }

    /**
     * The real check of the frames the weaver writes: the corpus is defined by a {@link CorpusLoader} with each woven
     * class in place of the original, and each woven class is linked, which runs the JVM's type checker over it. A
     * class that cannot be linked for want of an optional dependency of the corpus jar is counted, not failed.
     */
    @Test
    void everyWovenCorpusClassPassesTheJvmVerifier() {
        Map<String, byte[]> replacements = new HashMap<>();
        for (WovenTwins.Result r : WovenTwins.woven()) {
            replacements.put(r.entry().toString(), r.woven());
        }
        CorpusLoader loader = new CorpusLoader(replacements);
        List<String> rejected = new ArrayList<>();
        int verified = 0;
        int unlinkable = 0;
        for (WovenTwins.Result r : WovenTwins.woven()) {
            if (!loader.serves(r.entry())) {
                continue;   // a multi-release copy the running JVM would not pick
            }
            String name = new ClassReader(r.woven()).getClassName().replace('/', '.');
            try {
                link(loader.loader(), name);
                verified++;
            } catch (VerifyError | ClassFormatError bad) {
                rejected.add(r.entry() + ": " + bad);
            } catch (LinkageError | ClassNotFoundException missingDependency) {
                unlinkable++;
            }
        }
        System.out.println("corpus twins: " + verified + " woven classes verified by the JVM, " + unlinkable
                + " not linkable for want of an optional dependency");
        assertEquals(List.of(), rejected);
        assertTrue(verified > 3500, "verified: " + verified);
    }

    /** Guards the check above: linking this way really does run the verifier on a class of the loader. */
    @Test
    void linkingACorpusReplacementRunsTheVerifier() {
        String victim = "org.apache.commons.lang3.BooleanUtils";
        Corpus.Entry entry = Corpus.all().stream()
                .filter(e -> e.path().equals(victim.replace('.', '/') + ".class")).findFirst().orElseThrow();
        CorpusLoader loader = new CorpusLoader(Map.of(entry.toString(), withIllTypedMethod(entry.bytes())));
        assertThrows(VerifyError.class, () -> link(loader.loader(), victim));
    }

    /** Forces linking (and so verification) without running the class's static initializer. */
    private static void link(ClassLoader loader, String name) throws ClassNotFoundException {
        Class.forName(name, false, loader).getDeclaredConstructors();
    }

    /** Adds {@code static int illTyped() { return null; }}, which the verifier must reject. */
    private static byte[] withIllTypedMethod(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(writer, 0);
        MethodVisitor mv = writer.visitMethod(Opcodes.ACC_STATIC, "illTyped", "()I", null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.ACONST_NULL);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(1, 0);
        mv.visitEnd();
        return writer.toByteArray();
    }
}
