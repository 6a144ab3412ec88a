package dev.weft.weaver.internal;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.HashMap;
import java.util.Map;

/**
 * The lambda bodies of a class: the synthetic methods of the class that an {@code invokedynamic} of
 * {@code LambdaMetafactory} implements a functional interface with, and for each the interface it implements.
 *
 * <p>javac compiles {@code () -> { ...; return done(x); }} into a private synthetic method ({@code lambda$outer$0})
 * and an {@code invokedynamic} whose bootstrap arguments name it. Such a method that returns {@code Task} is an
 * <em>async lambda</em>: it may await, and is woven as an {@code @Async} method. Method references are not lambda
 * bodies here: they name a method the user wrote, which is woven only if it is {@code @Async}.
 */
final class LambdaBodies {
    private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";

    /** The functional interface each lambda body implements, by the body's name and descriptor. */
    private final Map<String, String> interfaces;

    private LambdaBodies(Map<String, String> interfaces) {
        this.interfaces = interfaces;
    }

    static LambdaBodies of(ClassNode node) {
        Map<String, String> interfaces = new HashMap<>();
        for (MethodNode method : node.methods) {
            for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (!(insn instanceof InvokeDynamicInsnNode)) {
                    continue;
                }
                InvokeDynamicInsnNode indy = (InvokeDynamicInsnNode) insn;
                if (!METAFACTORY.equals(indy.bsm.getOwner()) || indy.bsmArgs.length < 3
                        || !(indy.bsmArgs[1] instanceof Handle)) {
                    continue;
                }
                Handle impl = (Handle) indy.bsmArgs[1];
                if (impl.getOwner().equals(node.name)) {
                    interfaces.put(impl.getName() + impl.getDesc(),
                            Type.getReturnType(indy.desc).getClassName() + "." + indy.name);
                }
            }
        }
        return new LambdaBodies(interfaces);
    }

    /**
     * The functional interface method {@code method} implements, as {@code Interface.method}, or null if it is no
     * lambda body. javac also emits the body of a lambda written in code it drops as dead ({@code if (false)}), with
     * no {@code invokedynamic} left to name it: a synthetic {@code lambda$} method that nothing calls is a lambda body
     * of an interface nobody knows.
     */
    String implemented(MethodNode method) {
        if ((method.access & Opcodes.ACC_SYNTHETIC) == 0) {
            return null;
        }
        String implemented = interfaces.get(method.name + method.desc);
        if (implemented == null && method.name.startsWith("lambda$")) {
            return "a functional interface";
        }
        return implemented;
    }

    /** True if {@code method} is an async lambda: a lambda body that returns {@code Task}. */
    boolean isAsyncLambda(MethodNode method) {
        return implemented(method) != null
                && Type.getReturnType(method.desc).getDescriptor().equals(WeaverSupport.TASK_DESC);
    }
}
