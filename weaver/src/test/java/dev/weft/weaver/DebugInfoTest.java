package dev.weft.weaver;

import dev.weft.weaver.internal.WeaverSupport;
import dev.weft.weaver.validation.WeavingClassLoader;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Woven code keeps the LineNumberTable and LocalVariableTable of the original method. */
class DebugInfoTest {
    private static final String BASICS = "dev.weft.weaver.targets.Basics";

    private static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        return node;
    }

    private static MethodNode method(ClassNode node, String name, String desc) {
        return node.methods.stream().filter(m -> m.name.equals(name) && m.desc.equals(desc)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + desc));
    }

    private static Set<Integer> lines(MethodNode m) {
        Set<Integer> lines = new TreeSet<>();
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof LineNumberNode) {
                lines.add(((LineNumberNode) insn).line);
            }
        }
        return lines;
    }

    private static List<String> variables(MethodNode m) {
        return m.localVariables == null ? List.of()
                : m.localVariables.stream().map(v -> v.name + ":" + v.desc + "@" + v.index).sorted()
                .collect(Collectors.toList());
    }

    @Test
    void theBodyKeepsEveryLineAndVariableAndTheStubKeepsTheParameterNames() {
        ClassNode original = read(WeavingClassLoader.original(BASICS));
        ClassNode woven = read(new Weaver().weave(WeavingClassLoader.original(BASICS)).bytes());

        MethodNode getResults = method(original, "getResults", "()Ldev/weft/Task;");
        MethodNode body = method(woven, "getResults", WeaverSupport.STATIC_BODY_DESC);
        assertEquals(lines(getResults), lines(body));
        assertEquals(variables(getResults), variables(body));
        assertEquals(List.of("a:I@0", "b:I@1"), variables(body));

        MethodNode add = method(original, "add", "(II)Ldev/weft/Task;");
        MethodNode addStub = method(woven, "add", "(II)Ldev/weft/Task;");
        MethodNode addBody = method(woven, "add", WeaverSupport.STATIC_BODY_DESC);
        assertEquals(lines(add), lines(addBody));
        assertEquals(variables(add), variables(addBody));
        assertEquals(List.of("x:I@0", "y:I@1"), variables(addStub));
        assertTrue(lines(add).containsAll(lines(addStub)), "the stub reports the method's first line");
        for (LocalVariableNode v : addBody.localVariables) {
            assertTrue(addBody.instructions.indexOf(v.start) < addBody.instructions.indexOf(v.end));
        }
    }
}
