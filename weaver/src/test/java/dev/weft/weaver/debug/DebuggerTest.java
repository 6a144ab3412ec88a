package dev.weft.weaver.debug;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.IntegerValue;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.Location;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.LaunchingConnector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.StepEvent;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.StepRequest;
import dev.weft.weaver.Weaver;
import dev.weft.weaver.WeaveResult;
import dev.weft.weaver.internal.WeaverSupport;
import dev.weft.weaver.validation.WeavingClassLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Woven code under a debugger, through JDI as jdb drives it: {@code targets.Debuggee} is woven, run in a JVM of its
 * own under JDWP, and stopped after a real suspension. A debugger must show {@code this} and its fields, and the live
 * locals with their values; with the {@code keepLocals} weave, the dead ones too. Stepping over an await (with the
 * runtime's packages filtered out, as {@code docs/weaving.md} tells jdb users to do) stays in the user's method.
 */
class DebuggerTest {
    private static final String DEBUGGEE = "dev.weft.weaver.targets.Debuggee";
    private static final String WORK = DEBUGGEE + ".work";
    /** The class the JDK generates to implement {@code CoroutineBody} for the body (one per woven method). */
    private static final String GENERATED = "generated body class.resume";
    private static final long TIMEOUT_MILLIS = 60_000;
    /** What stepping skips: the JDK and Weft's runtime, which run between a suspension and its resumption. */
    private static final String[] STEP_EXCLUSIONS = {
        "java.*", "javax.*", "jdk.*", "sun.*", "com.sun.*", "dev.weft.internal.*", "dev.weft.Weft*",
        "dev.weft.EventLoop*", "dev.weft.Task*",
    };

    @TempDir
    Path classes;

    @Test
    void afterASuspensionTheDebuggerShowsThisItsFieldsAndTheLiveLocals() throws Exception {
        Map<String, String> seen = stopAfterTheAwait(new Weaver(), frame -> {
            Map<String, String> values = new java.util.TreeMap<>();
            values.put("static", String.valueOf(frame.location().method().isStatic()));
            ObjectReference self = frame.thisObject();
            values.put("this", self == null ? "none" : self.referenceType().name());
            if (self != null) {
                values.put("this.name", text(self.getValue(self.referenceType().fieldByName("name"))));
            }
            values.put("label", text(frame.getValue(variable(frame, "label"))));
            values.put("n", text(frame.getValue(variable(frame, "n"))));
            values.put("dead", text(frame.getValue(variable(frame, "dead"))));
            return values;
        });
        assertEquals("false", seen.get("static"), "the body of an instance method is an instance method");
        assertEquals(DEBUGGEE, seen.get("this"));
        assertEquals("job", seen.get("this.name"));
        assertEquals("job:5", seen.get("label"));
        assertEquals("5", seen.get("n"));
        // Dead after the await, so not saved: it comes back as zero (docs/weaving.md, "Debugging").
        assertEquals("0", seen.get("dead"));
    }

    @Test
    void withKeepLocalsADeadLocalKeepsItsValueAfterTheSuspension() throws Exception {
        Map<String, String> seen = stopAfterTheAwait(new Weaver().keepingLocals(), frame -> Map.of(
                "dead", text(frame.getValue(variable(frame, "dead"))),
                "label", text(frame.getValue(variable(frame, "label")))));
        assertEquals("35", seen.get("dead"));
        assertEquals("job:5", seen.get("label"));
    }

    @Test
    void steppingOverAnAwaitThatSuspendsStaysInTheUsersMethod() throws Exception {
        int[] lines = lines(WeavingClassLoader.original(DEBUGGEE));
        int firstLine = lines[0];
        int awaitLine = lines[1];
        int breakLine = lines[2];
        List<String> steps = new ArrayList<>();
        debug(new Weaver(), (vm, type) -> breakpoint(vm, type, awaitLine), (vm, event) -> {
            if (event instanceof BreakpointEvent) {
                vm.eventRequestManager().deleteEventRequest(event.request());
                step(vm, ((BreakpointEvent) event).thread());
                return false;
            }
            if (event instanceof StepEvent) {
                Location at = ((StepEvent) event).location();
                String type = at.declaringType().name();
                steps.add((type.startsWith(DEBUGGEE + "$$Lambda") ? GENERATED : type + "." + at.method().name())
                        + ":" + at.lineNumber());
                vm.eventRequestManager().deleteEventRequest(event.request());
                if (at.lineNumber() == breakLine || steps.size() > 10) {
                    return true;
                }
                step(vm, ((StepEvent) event).thread());
            }
            return false;
        });
        // Into the await: the task suspends, the loop (filtered out) runs, and the task resumes. The JVM stops once in
        // the JDK-generated class that calls the body (no source line), once on the method's first line (the
        // dispatch on the resume point), then on the await's line and the next one. docs/weaving.md tells users.
        assertEquals(List.of(GENERATED + ":-1", WORK + ":" + firstLine, WORK + ":" + awaitLine, WORK + ":" + breakLine),
                steps, "the lines stepping stopped on");
    }

    // ---- the debugging session --------------------------------------------------------------------------------------

    /** A step over one line, with the runtime filtered out. */
    private static void step(VirtualMachine vm, ThreadReference thread) {
        StepRequest step = vm.eventRequestManager().createStepRequest(thread, StepRequest.STEP_LINE,
                StepRequest.STEP_INTO);
        for (String exclusion : STEP_EXCLUSIONS) {
            step.addClassExclusionFilter(exclusion);
        }
        step.addCountFilter(1);
        step.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
        step.enable();
    }

    /** Runs the debuggee woven by {@code weaver}, stops at the line after the await, and reads the top frame. */
    private Map<String, String> stopAfterTheAwait(Weaver weaver, Function<StackFrame, Map<String, String>> read)
            throws Exception {
        int breakLine = lines(WeavingClassLoader.original(DEBUGGEE))[2];
        List<Map<String, String>> seen = new ArrayList<>();
        debug(weaver, (vm, type) -> breakpoint(vm, type, breakLine), (vm, event) -> {
            if (event instanceof BreakpointEvent) {
                try {
                    seen.add(read.apply(((BreakpointEvent) event).thread().frame(0)));
                } catch (com.sun.jdi.IncompatibleThreadStateException e) {
                    throw new AssertionError(e);
                }
                return true;
            }
            return false;
        });
        assertEquals(1, seen.size(), "the breakpoint was not hit once");
        return seen.get(0);
    }

    private static void breakpoint(VirtualMachine vm, ReferenceType type, int line) {
        try {
            boolean set = false;
            for (Location location : type.locationsOfLine(line)) {
                if (location.method().name().equals("work") && location.method().signature().equals(WeaverSupport.INSTANCE_BODY_DESC)) {
                    BreakpointRequest request = vm.eventRequestManager().createBreakpointRequest(location);
                    request.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
                    request.enable();
                    set = true;
                    break;   // the first location of the line: where a debugger's 'stop at' puts it
                }
            }
            assertTrue(set, "no location of line " + line + " in the body of work");
        } catch (com.sun.jdi.AbsentInformationException e) {
            throw new AssertionError(e);
        }
    }

    interface OnPrepare {
        void prepared(VirtualMachine vm, ReferenceType type);
    }

    interface OnEvent {
        /** @return true when the session has seen what it wanted */
        boolean handle(VirtualMachine vm, Event event) throws Exception;
    }

    /** Launches the woven debuggee under JDWP and feeds its events to {@code onEvent} until it says done. */
    private final List<String> trail = new ArrayList<>();

    private void debug(Weaver weaver, OnPrepare onPrepare, OnEvent onEvent) throws Exception {
        writeWoven(weaver);
        LaunchingConnector launcher = Bootstrap.virtualMachineManager().defaultConnector();
        Map<String, Connector.Argument> arguments = launcher.defaultArguments();
        arguments.get("main").setValue(DEBUGGEE);
        arguments.get("options").setValue("-cp " + classes + File.pathSeparator
                + System.getProperty("java.class.path"));
        VirtualMachine vm = launcher.launch(arguments);
        Process process = vm.process();
        Thread out = drain(process.getInputStream());
        Thread err = drain(process.getErrorStream());
        boolean done = false;
        try {
            ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
            prepare.addClassFilter(DEBUGGEE);
            prepare.enable();
            vm.resume();
            long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
            while (!done) {
                long left = deadline - System.currentTimeMillis();
                assertTrue(left > 0, "the debugging session did not finish in time");
                EventSet events = vm.eventQueue().remove(left);
                if (events == null) {
                    continue;
                }
                for (Event event : events) {
                    trail.add(event.toString());
                    if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
                        throw new AssertionError("the debuggee ended before the session saw what it wanted: "
                                + trail);
                    }
                    if (event instanceof ClassPrepareEvent) {
                        onPrepare.prepared(vm, ((ClassPrepareEvent) event).referenceType());
                    } else if (onEvent.handle(vm, event)) {
                        done = true;
                    }
                }
                if (!done) {
                    events.resume();
                }
            }
        } finally {
            try {
                vm.exit(0);
            } catch (RuntimeException alreadyGone) {
                // the debuggee may have ended on its own
            }
            process.destroyForcibly();
            process.waitFor();
            out.join(10_000);
            err.join(10_000);
        }
    }

    private static Thread drain(InputStream stream) {
        Thread t = new Thread(() -> {
            try (InputStream in = stream) {
                in.transferTo(System.out);
            } catch (IOException ignored) {
                // the process is gone
            }
        }, "debuggee output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    // ---- the woven class --------------------------------------------------------------------------------------------

    private static byte[] weave(Weaver weaver) {
        WeaveResult result = weaver.weave(WeavingClassLoader.original(DEBUGGEE));
        assertEquals(WeaveResult.Outcome.WOVEN, result.outcome(), result.problems().toString());
        return result.bytes();
    }

    private void writeWoven(Weaver weaver) throws IOException {
        Path file = classes.resolve(DEBUGGEE.replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, weave(weaver));
    }

    /**
     * The method's first line, the line of the await and the line of the {@code breakHere()} call after it, from the
     * original method's line table.
     */
    private static int[] lines(byte[] original) {
        ClassNode node = new ClassNode();
        new ClassReader(original).accept(node, 0);
        MethodNode work = node.methods.stream().filter(m -> m.name.equals("work") && m.desc.endsWith("Task;"))
                .findFirst().orElseThrow(() -> new AssertionError("no method work"));
        List<Integer> lines = new ArrayList<>();
        for (AbstractInsnNode insn : work.instructions) {
            if (insn instanceof LineNumberNode) {
                lines.add(((LineNumberNode) insn).line);
            }
            if (insn.getOpcode() == Opcodes.INVOKESTATIC && ((MethodInsnNode) insn).name.equals("breakHere")) {
                return new int[] {lines.get(0), lines.get(lines.size() - 2), lines.get(lines.size() - 1)};
            }
        }
        throw new AssertionError("no call of breakHere in the body of work");
    }

    private static LocalVariable variable(StackFrame frame, String name) {
        try {
            LocalVariable v = frame.visibleVariableByName(name);
            assertNotNull(v, "no variable " + name + " in scope");
            return v;
        } catch (com.sun.jdi.AbsentInformationException e) {
            throw new AssertionError(e);
        }
    }

    private static String text(com.sun.jdi.Value value) {
        if (value instanceof StringReference) {
            return ((StringReference) value).value();
        }
        if (value instanceof IntegerValue) {
            return String.valueOf(((IntegerValue) value).value());
        }
        return String.valueOf(value);
    }
}
