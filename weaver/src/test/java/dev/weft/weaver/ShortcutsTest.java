package dev.weft.weaver;

import dev.weft.weaver.validation.Targets;
import dev.weft.weaver.validation.WeavingClassLoader;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code await(sleep(t))} and {@code return done(v)} are woven into calls that make no task nobody can see, and only
 * when the two calls are adjacent; either way the methods give the same results.
 */
class ShortcutsTest {
    private static final String TARGET = "dev.weft.weaver.targets.Shortcuts";
    private final Targets targets = new Targets();

    /** The calls the body of {@code method} makes, as owner.name. */
    private static List<String> callsInBody(String method) {
        byte[] woven = new Weaver().weave(WeavingClassLoader.original(TARGET)).bytes();
        ClassNode node = new ClassNode();
        new ClassReader(woven).accept(node, 0);
        List<String> calls = new ArrayList<>();
        for (MethodNode m : node.methods) {
            if (m.name.equals(method) && (m.access & Opcodes.ACC_SYNTHETIC) != 0) {
                for (AbstractInsnNode insn : m.instructions) {
                    if (insn instanceof MethodInsnNode) {
                        MethodInsnNode call = (MethodInsnNode) insn;
                        calls.add(call.owner.substring(call.owner.lastIndexOf('/') + 1) + "." + call.name);
                    }
                }
            }
        }
        return calls;
    }

    private static long count(List<String> calls, String call) {
        return calls.stream().filter(call::equals).count();
    }

    @Test
    void aSleepAwaitedAtOnceAndAReturnedDoneTaskAreFused() throws Throwable {
        List<String> calls = callsInBody("sleepsThenReturns");
        assertEquals(0, count(calls, "Weft.sleep"), calls.toString());
        assertEquals(2, count(calls, "Sleep.awaitedAtOnce"), calls.toString());
        assertEquals(0, count(calls, "Weft.done"), calls.toString());
        assertEquals(1, count(calls, "Coroutine.returnValue"), calls.toString());
        assertEquals(8, targets.run("Shortcuts", "sleepsThenReturns", 7));

        List<String> voidCalls = callsInBody("returnsNothing");
        assertEquals(0, count(voidCalls, "Weft.done"), voidCalls.toString());
        assertEquals(null, targets.run("Shortcuts", "returnsNothing"));
    }

    @Test
    void aSleepHeldInAVariableStaysATask() throws Throwable {
        List<String> calls = callsInBody("sleepHeldInAVariable");
        assertEquals(1, count(calls, "Weft.sleep"), calls.toString());
        assertEquals(0, count(calls, "Sleep.awaitedAtOnce"), calls.toString());
        assertEquals(1, targets.run("Shortcuts", "sleepHeldInAVariable"));
    }

    @Test
    void aReturnThroughFinallyCodeKeepsTheDoneTask() throws Throwable {
        List<String> calls = callsInBody("returnsThroughFinally");
        assertEquals(1, count(calls, "Weft.done"), calls.toString());
        int before = (int) targets.call("Shortcuts", "finallyRuns");
        assertEquals(5, targets.run("Shortcuts", "returnsThroughFinally", 5));
        assertEquals(before + 1, targets.call("Shortcuts", "finallyRuns"));
    }

    @Test
    void spillSlotsHoldingOnlyArgumentsAreDroppedOnceTheArgumentsAreRestored() throws Throwable {
        List<String> calls = callsInBody("usesItsArgumentsBeforeSleeping");
        assertEquals(1, count(calls, "Coroutine.releaseSpillSlots"), calls.toString());
        assertEquals("slept", targets.run("Shortcuts", "usesItsArgumentsBeforeSleeping", 1L, "t"));

        List<String> keeping = callsInBody("keepsAnArgumentAcrossTheSleep");
        assertEquals(0, count(keeping, "Coroutine.releaseSpillSlots"), keeping.toString());
        assertEquals("t slept 1", targets.run("Shortcuts", "keepsAnArgumentAcrossTheSleep", 1L, "t"));
    }
}
