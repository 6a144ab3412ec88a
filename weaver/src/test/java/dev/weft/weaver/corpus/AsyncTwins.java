package dev.weft.weaver.corpus;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Makes a corpus class something to weave: every method with a body gains an {@code @Async} twin, a copy of its code
 * that awaits (a null task, never run) just before each method call and returns a {@code Task}.
 *
 * <p>Why this shape: a call site is where javac's code is most varied — arguments on the operand stack (longs,
 * doubles, uninitialized objects between {@code new} and the constructor call), inside try ranges and handlers, in
 * loops, switches and nested ternaries — and every such point becomes an await with the whole operand stack and every
 * live local to spill. The inserted {@code aconst_null; checkcast Task; invokestatic Weft.await; pop} leaves the
 * operand stack and locals as they were, so the class's own stack map frames stay right and the twin verifies before
 * weaving. Each {@code xRETURN} becomes {@code pop; aconst_null; areturn}. The originals are kept unchanged. Twins are
 * woven and verified, never run.
 */
public final class AsyncTwins {
    public static final String PREFIX = "weft$twin$";

    private AsyncTwins() {
    }

    /**
     * The class with a twin for each method that has a body (constructors, initializers and bridges aside) and whose
     * twin name {@code keep} accepts; null if that leaves no twin.
     */
    public static byte[] add(byte[] classFile, Predicate<String> keep) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.EXPAND_FRAMES);
        List<MethodNode> twins = new ArrayList<>();
        for (int i = 0; i < node.methods.size(); i++) {
            MethodNode m = node.methods.get(i);
            // Unique to the class: a twin of the same name and descriptor in a subclass would override it.
            String name = PREFIX + i + "$" + Integer.toHexString(node.name.hashCode());
            if (m.instructions.size() > 0 && !m.name.startsWith("<") && (m.access & Opcodes.ACC_BRIDGE) == 0
                    && keep.test(name)) {
                twins.add(twin(m, name));
            }
        }
        if (twins.isEmpty()) {
            return null;
        }
        node.methods.addAll(twins);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);   // frames are kept as they are
        node.accept(writer);
        return writer.toByteArray();
    }

    private static MethodNode twin(MethodNode original, String name) {
        String desc = Type.getMethodDescriptor(Type.getType("Ldev/weft/Task;"), Type.getArgumentTypes(original.desc));
        int access = original.access & ~(Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_VARARGS);
        MethodNode twin = new MethodNode(Opcodes.ASM9, access, name, desc, null, null);
        original.accept(twin);   // copies code, frames, try blocks and debug info with fresh labels
        twin.visibleAnnotations = new ArrayList<>(List.of(new AnnotationNode("Ldev/weft/Async;")));
        twin.invisibleAnnotations = null;
        twin.visibleParameterAnnotations = null;
        twin.invisibleParameterAnnotations = null;
        twin.visibleTypeAnnotations = null;
        twin.invisibleTypeAnnotations = null;
        twin.signature = null;
        twin.annotationDefault = null;
        twin.visibleAnnotableParameterCount = 0;
        twin.invisibleAnnotableParameterCount = 0;
        for (AbstractInsnNode insn : twin.instructions.toArray()) {
            if (insn instanceof MethodInsnNode || insn.getOpcode() == Opcodes.INVOKEDYNAMIC) {
                twin.instructions.insertBefore(insn, awaitNullTask());
            } else if (insn.getOpcode() >= Opcodes.IRETURN && insn.getOpcode() <= Opcodes.RETURN) {
                twin.instructions.insertBefore(insn, returnNull(insn.getOpcode()));
                twin.instructions.remove(insn);
            }
        }
        return twin;
    }

    /** [..] -> [..], through an await of a null task: the operand stack under it is what the weaver must keep. */
    private static InsnList awaitNullTask() {
        InsnList out = new InsnList();
        out.add(new InsnNode(Opcodes.ACONST_NULL));                                        // [.., null]
        out.add(new TypeInsnNode(Opcodes.CHECKCAST, "dev/weft/Task"));                     // [.., task]
        out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "dev/weft/Weft", "await",
                "(Ldev/weft/Task;)Ljava/lang/Object;", false));                            // [.., value]
        out.add(new InsnNode(Opcodes.POP));                                                // [..]
        return out;
    }

    /** [.., v] -> returns null (a Task) instead of v. */
    private static InsnList returnNull(int returnOpcode) {
        InsnList out = new InsnList();
        if (returnOpcode == Opcodes.LRETURN || returnOpcode == Opcodes.DRETURN) {
            out.add(new InsnNode(Opcodes.POP2));
        } else if (returnOpcode != Opcodes.RETURN) {
            out.add(new InsnNode(Opcodes.POP));
        }
        out.add(new InsnNode(Opcodes.ACONST_NULL));
        out.add(new InsnNode(Opcodes.ARETURN));
        return out;
    }
}
