package dev.weft.weaver.internal;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import static dev.weft.weaver.internal.WeaverSupport.*;

/**
 * Turns one {@code @Async} method into a coroutine: a stub that creates the task, and a resumable body.
 *
 * <p>Implementation overview. The original method keeps its name, descriptor, annotations and modifiers; its code
 * becomes a stub that creates a {@code Coroutine} bound (by {@code invokedynamic}) to the body, saves the live
 * arguments into it, and returns it without running anything. The original code moves, unchanged but for the await
 * sites, into the body, a private synthetic method of the same class ({@link BodyShape}: an instance method of the
 * same receiver for an instance method, so {@code this} stays in local 0 and a debugger shows it; a static one
 * otherwise), so private and protected access still work and stack traces still name the class and source lines.
 * The body looks like this:
 *
 * <pre>
 *   co = arg1                                    // the coroutine lives in local N, past every original local
 *   switch (co.state()) { 0: ENTRY; k: RESUME_k; default: throw co.badState() }
 *   ENTRY:    restore the arguments; fall into the original code
 *   ... original code, where each await(x) became:
 *       r = co.tryAwait(x); if (r != SUSPEND) goto CONT_k
 *       spill stack and live locals; return co.suspend(k)
 *     REENTER_k: r = co.resumeValue()
 *     CONT_k: ... (r on the stack where await's result was)
 *   RESUME_k: restore locals and stack of await k; goto REENTER_k      // after the original code, at await k's line
 * </pre>
 *
 * <p>Invariants. Types come from {@link FrameTypes}, liveness from {@link LivenessAnalysis}, both on the code after
 * {@link NewRelocation}. Every original stack map frame gains the coroutine at slot N; every new branch target gets a
 * frame built from the types at its await, so the result verifies without computing frames or loading classes. The
 * resume code sits outside every try block, and the calls that may throw ({@code tryAwait}, {@code resumeValue}) sit
 * where the original await call was, inside the same try blocks.
 *
 * <p>Call order: {@link #CoroutineTransform}, then {@link #apply()} once.
 */
final class CoroutineTransform {
    private final String owner;
    private final boolean ownerIsInterface;
    private final MethodNode method;
    private final String bodyName;
    private final String displayName;
    private final LocalsKept kept;
    private final BodyShape shape;

    private final List<SpillPlan> plans = new ArrayList<>();
    private final List<LabelNode> resumeLabels = new ArrayList<>();
    private int co;
    /** The first node of the original code, which stays the first node of the body's original part. */
    private AbstractInsnNode originalFirst;
    private List<LocalVariableNode> originalVariables;

    /** @param shape {@code BodyShape.of(method)}, which also decided {@code bodyName}'s descriptor */
    CoroutineTransform(String owner, boolean ownerIsInterface, MethodNode method, String bodyName, LocalsKept kept,
                       BodyShape shape) {
        this.owner = owner;
        this.kept = kept;
        this.shape = shape;
        this.ownerIsInterface = ownerIsInterface;
        this.method = method;
        this.bodyName = bodyName;
        this.displayName = owner.replace('/', '.') + "." + method.name;
    }

    /** Rewrites {@code method} into the stub and returns the body. */
    MethodNode apply() throws Refusal, AnalyzerException {
        List<AbstractInsnNode> awaits = AwaitCalls.in(method);
        FusedCalls.sleepsAwaitedAtOnce(awaits);
        FrameTypes types = FrameTypes.compute(owner, method);
        if (NewRelocation.apply(owner, method, awaits, types)) {
            types = FrameTypes.compute(owner, method);
        }
        ControlFlow flow = ControlFlow.of(owner, method);
        checkMonitors(awaits, flow);
        LivenessAnalysis liveness = LivenessAnalysis.of(method.instructions, flow);
        co = method.maxLocals;

        SpillPlan entry = entryPlan(liveness);
        plans.add(entry);
        List<AbstractInsnNode> sites = new ArrayList<>();
        for (AbstractInsnNode await : awaits) {
            int index = method.instructions.indexOf(await);
            if (!flow.isReachable(index)) {
                continue;   // dead code: left as it is, it can never run
            }
            sites.add(await);
            plans.add(sitePlan(plans.size(), await, types.at(index), kept.saved(liveness.liveBefore(index + 1), co)));
        }

        MethodNode body = newBody();
        addCoroutineToFrames(body.instructions);
        int[] resumeLines = new int[plans.size()];
        for (int k = 1; k < plans.size(); k++) {
            resumeLines[k] = ClassWeaver.lineOf(body, sites.get(k - 1));
        }
        for (int k = 1; k < plans.size(); k++) {
            rewriteSite(body.instructions, sites.get(k - 1), plans.get(k));
        }
        FusedCalls.returnsOfDone(body.instructions, co);
        LabelNode[] resumeBlocks = new LabelNode[plans.size()];
        for (int k = 1; k < resumeBlocks.length; k++) {
            resumeBlocks[k] = new LabelNode();
        }
        body.instructions.insert(prologue(entry, resumeBlocks));
        body.instructions.add(resumeBlocks(resumeBlocks, resumeLines));
        rewriteStub(entry);
        return body;
    }

    // ---- analysis --------------------------------------------------------------------------------------------------

    private void checkMonitors(List<AbstractInsnNode> awaits, ControlFlow flow) throws Refusal {
        int[] held = MonitorAnalysis.held(method.instructions, flow);
        for (AbstractInsnNode await : awaits) {
            if (held[method.instructions.indexOf(await)] > 0) {
                throw new Refusal("await(...) inside a synchronized block: a suspended task would keep the monitor "
                        + "while other tasks run on the same thread; release the monitor before awaiting", await);
            }
        }
    }

    private SpillPlan entryPlan(LivenessAnalysis liveness) throws Refusal {
        VType[] locals = new VType[co];
        java.util.Arrays.fill(locals, VType.TOP);
        int slot = 0;
        if ((method.access & Opcodes.ACC_STATIC) == 0) {
            locals[slot++] = VType.ref(owner);
        }
        for (Type arg : Type.getArgumentTypes(method.desc)) {
            locals[slot] = VType.ofDescriptor(arg.getDescriptor());
            slot += arg.getSize();
        }
        BitSet live = kept.saved(method.instructions.size() == 0 ? new BitSet() : liveness.liveBefore(0), co);
        return SpillPlan.of(0, locals, live, new VType[0], null, shape);
    }

    private SpillPlan sitePlan(int resumePoint, AbstractInsnNode await, Frame<VType> frame, BitSet liveAfter)
            throws Refusal {
        VType[] locals = new VType[co];
        for (int i = 0; i < co; i++) {
            locals[i] = i < frame.getLocals() ? frame.getLocal(i) : VType.TOP;
        }
        VType[] stack = new VType[frame.getStackSize() - 1];   // all but the awaited value on top
        for (int i = 0; i < stack.length; i++) {
            stack[i] = frame.getStack(i);
        }
        return SpillPlan.of(resumePoint, locals, liveAfter, stack, await, shape);
    }

    // ---- the body --------------------------------------------------------------------------------------------------

    private MethodNode newBody() {
        int access = Opcodes.ACC_PRIVATE | shape.staticFlag | Opcodes.ACC_SYNTHETIC
                | (method.access & Opcodes.ACC_STRICT);
        MethodNode body = new MethodNode(Opcodes.ASM9, access, bodyName, shape.descriptor, null, null);
        originalFirst = method.instructions.getFirst();
        originalVariables = method.localVariables;
        body.instructions = method.instructions;
        body.tryCatchBlocks = method.tryCatchBlocks;
        body.localVariables = method.localVariables;
        body.visibleLocalVariableAnnotations = method.visibleLocalVariableAnnotations;
        body.invisibleLocalVariableAnnotations = method.invisibleLocalVariableAnnotations;
        body.maxLocals = co + 1;
        body.maxStack = method.maxStack;
        method.instructions = new InsnList();
        method.tryCatchBlocks = new ArrayList<>();
        method.localVariables = null;
        method.visibleLocalVariableAnnotations = null;
        method.invisibleLocalVariableAnnotations = null;
        return body;
    }

    /** Every original frame gains the coroutine in slot {@code co}. */
    private void addCoroutineToFrames(InsnList insns) {
        for (AbstractInsnNode insn = insns.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof FrameNode) {
                FrameNode frame = (FrameNode) insn;
                int slots = 0;
                for (Object entry : frame.local) {
                    slots += Opcodes.LONG.equals(entry) || Opcodes.DOUBLE.equals(entry) ? 2 : 1;
                }
                while (slots++ < co) {
                    frame.local.add(Opcodes.TOP);
                }
                frame.local.add(COROUTINE);
            }
        }
    }

    /** Replaces the await call {@code await} by the suspend-or-continue sequence of {@code plan}. */
    private void rewriteSite(InsnList insns, AbstractInsnNode await, SpillPlan plan) {
        LabelNode reenter = new LabelNode();
        LabelNode cont = new LabelNode();
        resumeLabels.add(reenter);
        InsnList out = new InsnList();
        // [S.., awaitable]
        out.add(new VarInsnNode(Opcodes.ALOAD, co));                                        // [S.., awaitable, co]
        out.add(new InsnNode(Opcodes.SWAP));                                                // [S.., co, awaitable]
        out.add(coroutineCall(TRY_AWAIT, TRY_AWAIT_DESC));                                  // [S.., r]
        out.add(new InsnNode(Opcodes.DUP));                                                 // [S.., r, r]
        out.add(new FieldInsnNode(Opcodes.GETSTATIC, COROUTINE, SUSPEND, OBJECT_DESC));     // [S.., r, r, SUSPEND]
        out.add(new JumpInsnNode(Opcodes.IF_ACMPNE, cont));                                 // [S.., r]
        out.add(new InsnNode(Opcodes.POP));                                                 // [S..]
        for (int i = plan.stack.length - 1; i >= 0; i--) {
            VType type = plan.stack[i];
            if (plan.stackSlot[i] == SpillPlan.NONE) {
                out.add(new InsnNode(Opcodes.POP));                                         // null: nothing to keep
            } else {
                SpillCode.spillStackTop(out, co, type, plan.stackSlot[i]);                  // [S0..S(i-1)]
            }
        }
        for (int var = 0; var < plan.locals.length; var++) {                                // []
            if (plan.localSlot[var] != SpillPlan.NONE) {
                SpillCode.spillLocal(out, co, plan.locals[var], var, plan.localSlot[var]);
            }
        }
        out.add(new VarInsnNode(Opcodes.ALOAD, co));                                        // [co]
        out.add(SpillCode.pushInt(plan.resumePoint));                                       // [co, k]
        out.add(coroutineCall(SUSPEND_AT, SUSPEND_AT_DESC));                                // [SUSPEND]
        out.add(new InsnNode(Opcodes.ARETURN));                                             // []
        out.add(reenter);                                                                   // [S..] restored
        out.add(frame(plan.locals, plan.stack, null));
        out.add(new VarInsnNode(Opcodes.ALOAD, co));                                        // [S.., co]
        out.add(coroutineCall(RESUME_VALUE, RESUME_VALUE_DESC));                            // [S.., r]
        out.add(cont);                                                                      // [S.., r]
        out.add(frame(plan.locals, plan.stack, VType.OBJECT));
        if (frameFollows(await)) {
            out.add(new InsnNode(Opcodes.NOP));   // two frames may not share one bytecode offset
        }
        insns.insert(await, out);
        insns.remove(await);
    }

    private static boolean frameFollows(AbstractInsnNode insn) {
        return frameAtOrAfter(insn.getNext());
    }

    /** True if a frame comes at {@code insn} or after it, before any real instruction. */
    private static boolean frameAtOrAfter(AbstractInsnNode insn) {
        for (AbstractInsnNode next = insn; next != null; next = next.getNext()) {
            if (next instanceof FrameNode) {
                return true;
            }
            if (!(next instanceof LabelNode) && !(next instanceof LineNumberNode)) {
                return false;
            }
        }
        return false;
    }

    /**
     * The dispatch on the resume point to {@code resumeBlocks[k]}, and the entry that falls into the original code.
     */
    private InsnList prologue(SpillPlan entry, LabelNode[] resumeBlocks) {
        InsnList out = new InsnList();
        LabelNode bad = new LabelNode();
        LabelNode start = new LabelNode();
        LabelNode[] targets = resumeBlocks.clone();
        targets[0] = start;
        out.add(new VarInsnNode(Opcodes.ALOAD, BodyShape.COROUTINE_ARGUMENT));              // [co]
        out.add(new VarInsnNode(Opcodes.ASTORE, co));                                       // []
        out.add(new VarInsnNode(Opcodes.ALOAD, co));                                        // [co]
        out.add(coroutineCall(STATE, STATE_DESC));                                          // [state]
        out.add(new TableSwitchInsnNode(0, targets.length - 1, bad, targets));              // []
        out.add(bad);
        out.add(emptyFrame());
        out.add(new VarInsnNode(Opcodes.ALOAD, co));                                        // [co]
        out.add(coroutineCall(BAD_STATE, BAD_STATE_DESC));                                  // [error]
        out.add(new InsnNode(Opcodes.ATHROW));                                              // []
        out.add(start);
        out.add(emptyFrame());
        int before = out.size();
        restore(out, entry);                                                                // []
        if (shape == BodyShape.STATIC && entry.refSlots + entry.primSlots > 0 && !anyAwaitSpills()) {
            // The arguments were the only values ever saved: drop their slots, so a suspended task keeps none.
            // (Never in an instance body: its receiver stays in reference slot 0.)
            out.add(new VarInsnNode(Opcodes.ALOAD, co));                                    // [co]
            out.add(coroutineCall(RELEASE_SPILL_SLOTS, RELEASE_SPILL_SLOTS_DESC));          // []
        }
        if (out.size() == before && frameAtOrAfter(originalFirst)) {
            out.add(new InsnNode(Opcodes.NOP));   // the original code opens on a frame of its own (a loop head)
        }
        return out;
    }

    /**
     * The restore block of each await k, at {@code labels[k]}, which jumps back to where the await was; placed after
     * the original code, so the first location of each source line (where a debugger's "stop at" breaks) is in the
     * original code. Each block carries its await's line {@code lines[k]}, so a debugger stepping into the resumed
     * task sees that line.
     */
    private InsnList resumeBlocks(LabelNode[] labels, int[] lines) {
        InsnList out = new InsnList();
        for (int k = 1; k < labels.length; k++) {
            out.add(labels[k]);
            out.add(emptyFrame());
            if (lines[k] > 0) {
                out.add(new LineNumberNode(lines[k], labels[k]));
            }
            restore(out, plans.get(k));                                                     // [S..]
            out.add(new JumpInsnNode(Opcodes.GOTO, resumeLabels.get(k - 1)));               // []
        }
        return out;
    }

    /** True if some await must save a value: its plan uses spill slots. */
    private boolean anyAwaitSpills() {
        for (int k = 1; k < plans.size(); k++) {
            if (plans.get(k).refSlots + plans.get(k).primSlots > 0) {
                return true;
            }
        }
        return false;
    }

    /** [] -> [S..]: reloads the locals (zero for the dead ones) and then the stack of {@code plan}. */
    private void restore(InsnList out, SpillPlan plan) {
        for (int var = 0; var < plan.locals.length; var++) {
            VType type = plan.locals[var];
            if (type.kind == VType.Kind.TOP || shape.isReceiver(var)) {
                continue;   // nothing there, or the receiver the runtime passed to this step
            }
            if (plan.localSlot[var] == SpillPlan.NONE) {
                SpillCode.pushZero(out, type);                                              // [zero]
            } else {
                SpillCode.restore(out, co, type, plan.localSlot[var]);                      // [value]
            }
            out.add(new VarInsnNode(SpillCode.storeOpcode(type), var));                     // []
        }
        for (int i = 0; i < plan.stack.length; i++) {
            if (plan.stackSlot[i] == SpillPlan.NONE) {
                out.add(new InsnNode(Opcodes.ACONST_NULL));                                 // [S0..Si]
            } else {
                SpillCode.restore(out, co, plan.stack[i], plan.stackSlot[i]);               // [S0..Si]
            }
        }
    }

    /** A frame with only the coroutine (and an instance body's receiver, which every frame keeps). */
    private FrameNode emptyFrame() {
        VType[] locals = new VType[co];
        java.util.Arrays.fill(locals, VType.TOP);
        if (shape.isReceiver(0)) {
            locals[0] = VType.ref(owner);
        }
        return frame(locals, new VType[0], null);
    }

    /** A frame with {@code locals}, the coroutine at slot {@code co}, {@code stack}, and {@code top} if not null. */
    private FrameNode frame(VType[] locals, VType[] stack, VType top) {
        List<Object> localEntries = new ArrayList<>();
        for (int i = 0; i < locals.length; i += locals[i].getSize()) {
            localEntries.add(entry(locals[i]));
        }
        localEntries.add(COROUTINE);
        List<Object> stackEntries = new ArrayList<>();
        for (VType type : stack) {
            stackEntries.add(entry(type));
        }
        if (top != null) {
            stackEntries.add(entry(top));
        }
        return new FrameNode(Opcodes.F_NEW, localEntries.size(), localEntries.toArray(),
                stackEntries.size(), stackEntries.toArray());
    }

    private static Object entry(VType type) {
        switch (type.kind) {
            case TOP: return Opcodes.TOP;
            case INT: return Opcodes.INTEGER;
            case FLOAT: return Opcodes.FLOAT;
            case LONG: return Opcodes.LONG;
            case DOUBLE: return Opcodes.DOUBLE;
            case NULL: return Opcodes.NULL;
            case REF: return type.name;
            default: throw new IllegalStateException("no frame entry for " + type);
        }
    }

    // ---- the stub --------------------------------------------------------------------------------------------------

    /** The original method now creates the coroutine, saves its live arguments and returns it. */
    private void rewriteStub(SpillPlan entry) {
        int refSlots = 0;
        int primSlots = 0;
        for (SpillPlan plan : plans) {
            refSlots = Math.max(refSlots, plan.refSlots);
            primSlots = Math.max(primSlots, plan.primSlots);
        }
        InsnList out = new InsnList();
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        out.add(start);
        int line = firstLine();
        if (line > 0) {
            out.add(new LineNumberNode(line, start));
        }
        Handle bodyHandle = new Handle(shape.handleKind, owner, bodyName, shape.descriptor, ownerIsInterface);
        Handle bind = new Handle(Opcodes.H_INVOKESTATIC, WOVEN_METHOD, BIND, BIND_DESC, false);
        out.add(new TypeInsnNode(Opcodes.NEW, COROUTINE));                                  // [u]
        out.add(new InsnNode(Opcodes.DUP));                                                 // [u, u]
        out.add(new InvokeDynamicInsnNode(BIND_NAME, WOVEN_METHOD_FACTORY_DESC, bind,
                bodyHandle, displayName, refSlots, primSlots));                             // [u, u, woven]
        out.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, COROUTINE, "<init>", COROUTINE_INIT_DESC, false)); // [co]
        if (shape.isReceiver(0)) {
            out.add(new InsnNode(Opcodes.DUP));                                             // [co, co]
            out.add(new VarInsnNode(Opcodes.ALOAD, 0));                                     // [co, co, this]
            SpillCode.spillTop(out, VType.ref(owner), BodyShape.RECEIVER_REF_SLOT);         // [co]
        }
        for (int var = 0; var < entry.locals.length; var++) {
            if (entry.localSlot[var] != SpillPlan.NONE) {
                out.add(new InsnNode(Opcodes.DUP));                                         // [co, co]
                out.add(new VarInsnNode(SpillCode.loadOpcode(entry.locals[var]), var));     // [co, co, arg]
                SpillCode.spillTop(out, entry.locals[var], entry.localSlot[var]);           // [co]
            }
        }
        out.add(new InsnNode(Opcodes.ARETURN));                                             // []
        out.add(end);
        method.instructions = out;
        method.localVariables = parameterNames(start, end);
        method.maxStack = 0;
        method.maxLocals = 0;
    }

    private int firstLine() {
        for (AbstractInsnNode insn = originalFirst; insn != null; insn = insn.getNext()) {
            if (insn instanceof LineNumberNode) {
                return ((LineNumberNode) insn).line;
            }
        }
        return -1;
    }

    /** Debug names of the stub's parameters, taken from the original local variable table. */
    private List<LocalVariableNode> parameterNames(LabelNode start, LabelNode end) {
        List<LocalVariableNode> names = new ArrayList<>();
        if (originalVariables == null) {
            return names;
        }
        int argSlots = (Type.getArgumentsAndReturnSizes(method.desc) >> 2)
                - ((method.access & Opcodes.ACC_STATIC) != 0 ? 1 : 0);
        for (LocalVariableNode v : originalVariables) {
            if (v.index < argSlots && v.start == originalFirst) {
                names.add(new LocalVariableNode(v.name, v.desc, v.signature, start, end, v.index));
            }
        }
        return names;
    }

    private static MethodInsnNode coroutineCall(String name, String desc) {
        return new MethodInsnNode(Opcodes.INVOKEVIRTUAL, COROUTINE, name, desc, false);
    }
}
