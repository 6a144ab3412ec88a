package dev.weft.weaver.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * What the code being generated at one point may use: the locals in scope (by nested blocks), and where a
 * {@code break}, {@code continue} or {@code return} may go. Names are unique in a method (Java forbids shadowing a
 * local), so a name once used is never reused even after its block ends.
 */
final class Scope {
    /**
     * A local: its name, its type, whether generated code may assign it (loop counters may not), and whether it holds
     * a task giving a value of its type rather than the value (the twin's holds the value): read with an await.
     */
    record Local(String name, Type type, boolean assignable, boolean task) {
    }

    /** An enclosing statement a jump may target: a loop (break and continue) or a switch statement (break). */
    record JumpTarget(String label, boolean loop) {
    }

    private final Deque<List<Local>> blocks = new ArrayDeque<>();
    private final Deque<JumpTarget> targets = new ArrayDeque<>();
    private int names;

    Scope() {
        blocks.push(new ArrayList<>());
    }

    String freshName(String prefix) {
        return prefix + names++;
    }

    void declare(String name, Type type, boolean assignable) {
        blocks.peek().add(new Local(name, type, assignable, false));
    }

    /** A {@code Task} local in the async method (the value itself in the twin); reads of it await it. */
    void declareTask(String name, Type type) {
        blocks.peek().add(new Local(name, type, false, true));
    }

    void openBlock() {
        blocks.push(new ArrayList<>());
    }

    void closeBlock() {
        blocks.pop();
    }

    /** Every local in scope, outermost first. */
    List<Local> locals() {
        List<Local> all = new ArrayList<>();
        blocks.descendingIterator().forEachRemaining(all::addAll);
        return all;
    }

    /** A random local of {@code type} (assignable only, if asked), or null if there is none. */
    Local pick(Random random, Type type, boolean mustBeAssignable) {
        List<Local> fit = new ArrayList<>();
        for (Local local : locals()) {
            if (local.type == type && (local.assignable || !mustBeAssignable)) {
                fit.add(local);
            }
        }
        return fit.isEmpty() ? null : fit.get(random.nextInt(fit.size()));
    }

    void enterTarget(JumpTarget target) {
        targets.push(target);
    }

    void leaveTarget() {
        targets.pop();
    }

    /** Entering a switch expression's arm: no break, continue or return may leave it. */
    void enterSwitchExpressionArm() {
        targets.push(ARM_FENCE);
    }

    void leaveSwitchExpressionArm() {
        if (targets.pop() != ARM_FENCE) {
            throw new IllegalStateException("unbalanced switch expression arm");
        }
    }

    /** True inside a switch expression's arm, where no return may stand. */
    boolean inSwitchExpressionArm() {
        return targets.contains(ARM_FENCE);
    }

    private static final JumpTarget ARM_FENCE = new JumpTarget("(switch expression arm)", false);

    /** The enclosing targets a jump may reach, innermost first (stopping at a switch expression's arm). */
    List<JumpTarget> reachableTargets() {
        List<JumpTarget> reachable = new ArrayList<>();
        for (JumpTarget target : targets) {
            if (target == ARM_FENCE) {
                break;
            }
            reachable.add(target);
        }
        return reachable;
    }
}
