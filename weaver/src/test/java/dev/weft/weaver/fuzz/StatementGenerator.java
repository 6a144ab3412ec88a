package dev.weft.weaver.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random statements: every construct of the weaving rules (design section 4) with awaits in its conditions, updates,
 * selectors, resources and bodies. Loops run at most three times (counters the generated code never assigns), every
 * {@code break}, {@code continue}, {@code return} and {@code throw} sits under an {@code if} (so no statement is ever
 * unreachable), and every block opens a scope, so programs always compile, end and are deterministic.
 */
final class StatementGenerator {
    private static final int EXPRESSION_DEPTH = 2;
    /** Catch clauses in an order javac accepts: no clause catches a type an earlier clause caught. */
    private static final String[] CATCHES = {"H.Checked | ArithmeticException", "H.Unchecked", "H.Checked",
            "H.Unchecked | ArithmeticException", "ArithmeticException", "RuntimeException", "Exception"};

    private final Random random;
    private final Scope scope;
    private final ExpressionGenerator expressions;
    private final String methodName;
    private int budget;
    private int marks;
    /** How many finally blocks enclose the code being generated: their expressions are kept small. */
    private int finallyDepth;

    /** @param budget how many statements the method may have in all */
    StatementGenerator(Random random, Scope scope, ExpressionGenerator expressions, String methodName, int budget) {
        this.random = random;
        this.scope = scope;
        this.expressions = expressions;
        this.methodName = methodName;
        this.budget = budget;
    }

    /** A few declarations, so that the code after them has locals to read and mutate. */
    Twin declarations(int count) {
        List<Twin> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(declaration());
        }
        return Twin.join("\n", out);
    }

    /** Up to {@code count} statements (fewer once the budget is spent), compound ones nested at most {@code depth}. */
    Twin statements(int count, int depth) {
        List<Twin> out = new ArrayList<>();
        for (int i = 0; i < count && budget > 0; i++) {
            budget--;
            out.add(statement(depth));
        }
        return Twin.join("\n", out);
    }

    /**
     * {@code return done(checksum)} in the async method, {@code return checksum} in the twin; sometimes the checksum is
     * mixed with a value computed after it, with awaits, so that it waits on the stack (or, in a try with a finally,
     * in a local javac makes) across them.
     */
    Twin returnStatement() {
        Twin value = random.nextBoolean() ? checksum() : Twin.fill("(# ^ #)", checksum(), expression(Type.LONG));
        return new Twin("return done(" + value.async() + ");", "return " + value.sync() + ";");
    }

    private Twin checksum() {
        StringBuilder values = new StringBuilder("H.sum(log, \"" + methodName + "@" + marks++ + "\"");
        for (Scope.Local local : scope.locals()) {
            if (!local.task()) {
                values.append(", ").append(local.name());
            }
        }
        return Twin.same(values.append(")").toString());
    }

    private Twin statement(int depth) {
        int roll = random.nextInt(depth > 0 ? 30 : 16);
        if (roll < 4) {
            return declaration();
        }
        if (roll < 5) {
            return random.nextBoolean() ? taskDeclaration() : declarationAssignedLater();
        }
        if (roll < 10) {
            return assignment();
        }
        if (roll < 12) {
            return log();
        }
        if (roll < 13) {
            return Twin.fill("#;", expressions.awaited(Type.INT, expression(Type.INT), EXPRESSION_DEPTH));
        }
        if (roll < 14) {
            return random.nextInt(3) > 0 ? guardedThrow() : assertion();
        }
        if (roll < 16) {
            return guardedJump();
        }
        switch (roll) {
            case 16:
            case 17:
                return ifStatement(depth - 1);
            case 18:
            case 19:
                return forLoop(depth - 1);
            case 20:
                return whileLoop(depth - 1);
            case 21:
                return doWhileLoop(depth - 1);
            case 22:
                return forEachLoop(depth - 1);
            case 23:
                return switchStatement(depth - 1);
            case 24:
            case 25:
                // javac 17 crashes compiling a try inside a switch expression that has operands under it
                return scope.inSwitchExpressionArm() ? ifStatement(depth - 1) : tryStatement(depth - 1);
            case 26:
                return scope.inSwitchExpressionArm() ? forLoop(depth - 1) : tryWithResources(depth - 1);
            case 27:
                return Twin.fill("{\n#\n}", block(depth - 1));
            default:
                return random.nextBoolean() || scope.inSwitchExpressionArm() ? forLoop(depth - 1)
                        : tryStatement(depth - 1);
        }
    }

    private Twin expression(Type type) {
        return expressions.expression(type, finallyDepth > 0 ? 1 : EXPRESSION_DEPTH);
    }

    /** A block's statements, indented, in a scope of their own. */
    private Twin block(int depth) {
        scope.openBlock();
        Twin body = statements(1 + random.nextInt(4), depth);
        scope.closeBlock();
        return body.indented();
    }

    private Twin declaration() {
        Type type = Type.random(random);
        Twin init = expression(type);
        String name = scope.freshName("v");
        scope.declare(name, type, true);
        return Twin.fill(type.javaName + " " + name + " = #;", init);
    }

    /**
     * {@code Task<Integer> tN = H.tI(kind, e);} in the async method, {@code Integer tN = H.nI(e);} in the twin: a
     * task made now and awaited (perhaps more than once, perhaps never) where later expressions read {@code tN}.
     */
    private Twin taskDeclaration() {
        Type type = new Type[] {Type.INT, Type.LONG, Type.STRING, Type.DOUBLE}[random.nextInt(4)];
        Twin value = expression(type);
        String name = scope.freshName("t");
        String kind = random.nextBoolean() ? "t" : "cs";
        String holder = kind.equals("t") ? "Task" : "CompletionStage";
        Twin declaration = new Twin(
                holder + "<" + type.awaitedName + "> " + name + " = H." + kind + type.code + "(" + random.nextInt(5)
                        + ", " + value.async() + ");",
                type.awaitedName + " " + name + " = H.n" + type.code + "(" + value.sync() + ");");
        scope.declareTask(name, type);
        return declaration;
    }

    /** {@code T vN;} assigned in both arms of an if: a local with no value at the awaits of the condition. */
    private Twin declarationAssignedLater() {
        Type type = Type.random(random);
        String name = scope.freshName("v");
        Twin condition = expression(Type.BOOLEAN);
        Twin then = expression(type);
        Twin otherwise = expression(type);
        scope.declare(name, type, true);
        return Twin.fill(type.javaName + " " + name + ";\nif (#) {\n    " + name + " = #;\n} else {\n    " + name
                + " = #;\n}", condition, then, otherwise);
    }

    private Twin assignment() {
        Type type = Type.random(random);
        Scope.Local local = scope.pick(random, type, true);
        if (local == null) {
            return declaration();
        }
        String v = local.name();
        if (type.isArray()) {
            Twin index = random.nextBoolean()
                    ? Twin.fill("Math.floorMod(#, 3)", expression(Type.INT))
                    : expressions.awaited(Type.INT, Twin.same(Integer.toString(random.nextInt(3))), 0);
            String op = random.nextBoolean() && type != Type.STRING_ARRAY ? " += " : " = ";
            return random.nextInt(4) == 0
                    ? Twin.fill(v + " = #;", expression(type))
                    : Twin.fill(v + "[#]" + op + "#;", index, expression(type.element()));
        }
        switch (type) {
            case BOX:
                return pick(v + ".n += #;", Type.INT, v + ".s = #;", Type.STRING, v + " = #;", Type.BOX);
            case BOOLEAN:
                return pick(v + " = #;", Type.BOOLEAN, v + " &= #;", Type.BOOLEAN, v + " ^= #;", Type.BOOLEAN);
            case STRING:
                return pick(v + " = #;", Type.STRING, v + " += #;", Type.INT, v + " += #;", Type.DOUBLE);
            default:
                if (random.nextInt(4) == 0) {
                    return Twin.same(v + "++;");
                }
                return pick(v + " = #;", type, v + " += #;", type, v + " -= #;", type, v + " *= #;", Type.INT);
        }
    }

    private Twin pick(Object... templatesAndTypes) {
        int forms = templatesAndTypes.length / 2;
        int i = 2 * random.nextInt(forms);
        return Twin.fill((String) templatesAndTypes[i], expression((Type) templatesAndTypes[i + 1]));
    }

    private Twin log() {
        Type type = Type.random(random);
        Twin value = type.isArray() ? Twin.fill("H.str(#)", expression(type))
                : expressions.exact(type, EXPRESSION_DEPTH);
        return Twin.fill("log.append(#).append(';');", value);
    }

    private Twin guardedThrow() {
        String id = methodName + "." + marks++;
        String exception = new String[] {"new H.Unchecked(\"x" + id + ":\" + #)", "new H.Checked(\"x" + id + ":\" + #)",
                "new ArithmeticException(\"x" + id + ":\" + #)"}[random.nextInt(3)];
        return Twin.fill("if (#) {\n    throw " + exception + ";\n}", expressions.guard(5 + random.nextInt(5)),
                expression(Type.INT));
    }

    /** {@code assert c : message;}, failing now and then when assertions are enabled (as surefire runs tests). */
    private Twin assertion() {
        return Twin.fill("assert !(# && #) : #;", expressions.guard(4), expression(Type.BOOLEAN),
                expression(Type.STRING));
    }

    /** {@code if (c) break/continue [label];} to a reachable target, or {@code if (c) return ...;}. */
    private Twin guardedJump() {
        List<Scope.JumpTarget> targets = scope.reachableTargets();
        List<String> jumps = new ArrayList<>();
        if (!targets.isEmpty()) {
            jumps.add("break;");
        }
        for (Scope.JumpTarget target : targets) {
            if (target.loop()) {
                jumps.add("continue;");
                break;
            }
        }
        for (Scope.JumpTarget target : targets) {
            if (target.label() != null) {
                jumps.add("break " + target.label() + ";");
                if (target.loop()) {
                    jumps.add("continue " + target.label() + ";");
                }
            }
        }
        if (!scope.inSwitchExpressionArm() && (jumps.isEmpty() || random.nextInt(4) == 0)) {
            return Twin.fill("if (#) {\n#\n}", expressions.guard(6 + random.nextInt(6)), returnStatement().indented());
        }
        Twin condition = expressions.guard(2 + random.nextInt(5));
        if (jumps.isEmpty()) {
            return log();
        }
        return Twin.fill("if (#) {\n    " + jumps.get(random.nextInt(jumps.size())) + "\n}", condition);
    }

    private Twin ifStatement(int depth) {
        Twin condition = expression(Type.BOOLEAN);
        Twin then = block(depth);
        if (random.nextBoolean()) {
            return Twin.fill("if (#) {\n#\n}", condition, then);
        }
        return Twin.fill("if (#) {\n#\n} else {\n#\n}", condition, then, block(depth));
    }

    /** A label for a loop (sometimes), pushed as a jump target; {@link #leaveLoop} pops it. */
    private String enterLoop() {
        String label = random.nextInt(5) < 2 ? scope.freshName("l") : null;
        scope.enterTarget(new Scope.JumpTarget(label, true));
        return label == null ? "" : label + ": ";
    }

    private void leaveLoop() {
        scope.leaveTarget();
    }

    /** A small bound, awaited sometimes. */
    private Twin bound() {
        Twin bound = Twin.same(Integer.toString(1 + random.nextInt(3)));
        return random.nextBoolean() ? expressions.awaited(Type.INT, bound, 0) : bound;
    }

    private Twin forLoop(int depth) {
        String i = scope.freshName("i");
        Twin start = random.nextBoolean() ? Twin.same("0") : expressions.awaited(Type.INT, Twin.same("0"), 0);
        Twin bound = bound();
        Twin update = random.nextBoolean()
                ? Twin.same(i + "++")
                : Twin.fill(i + " += #", expressions.awaited(Type.INT, Twin.same("1"), 0));
        scope.openBlock();
        scope.declare(i, Type.INT, false);
        String label = enterLoop();
        Twin body = block(depth);
        leaveLoop();
        scope.closeBlock();
        return Twin.fill(label + "for (int " + i + " = #; " + i + " < #; #) {\n#\n}", start, bound, update, body);
    }

    private Twin whileLoop(int depth) {
        String w = scope.freshName("w");
        Twin counter = Twin.same(w + "++");
        if (random.nextBoolean()) {
            counter = expressions.awaited(Type.INT, counter, 0);
        }
        Twin condition = random.nextBoolean()
                ? Twin.fill("# < #", counter, bound())
                : Twin.fill("# < # && #", counter, bound(), expression(Type.BOOLEAN));
        scope.declare(w, Type.INT, false);
        String label = enterLoop();
        Twin body = block(depth);
        leaveLoop();
        return Twin.fill("int " + w + " = 0;\n" + label + "while (#) {\n#\n}", condition, body);
    }

    private Twin doWhileLoop(int depth) {
        String d = scope.freshName("d");
        scope.declare(d, Type.INT, false);
        String label = enterLoop();
        Twin body = block(depth);
        leaveLoop();
        Twin counter = Twin.same("++" + d);
        if (random.nextBoolean()) {
            counter = expressions.awaited(Type.INT, counter, 0);
        }
        Twin condition = random.nextBoolean()
                ? Twin.fill("# < #", counter, bound())
                : Twin.fill("# < # && #", counter, bound(), expression(Type.BOOLEAN));
        return Twin.fill("int " + d + " = 0;\n" + label + "do {\n#\n} while (#);", body, condition);
    }

    /** Over an array, or over a list (its iterator is a local javac makes, live across the body's awaits). */
    private Twin forEachLoop(int depth) {
        Type array = new Type[] {Type.INT_ARRAY, Type.DOUBLE_ARRAY, Type.STRING_ARRAY}[random.nextInt(3)];
        Twin iterated = array == Type.STRING_ARRAY && random.nextBoolean()
                ? Twin.fill("H.list(#, #, #)", expression(Type.STRING), expression(Type.STRING), expression(Type.STRING))
                : expression(array);
        String e = scope.freshName("e");
        scope.openBlock();
        scope.declare(e, array.element(), false);
        String label = enterLoop();
        Twin body = block(depth);
        leaveLoop();
        scope.closeBlock();
        return Twin.fill(label + "for (" + array.element().javaName + " " + e + " : #) {\n#\n}", iterated, body);
    }

    /** A switch statement, old style (case blocks, some falling through) or with arrows, on ints, chars or words. */
    private Twin switchStatement(int depth) {
        int kind = random.nextInt(3);
        Twin selector;
        String[] labels;
        if (kind == 0) {
            selector = random.nextInt(3) == 0 ? expression(Type.INT)
                    : Twin.fill("Math.floorMod(#, 4)", expression(Type.INT));
            labels = new String[] {"0", "1", "2", "3"};
        } else if (kind == 1) {
            selector = Twin.fill("(char) ('a' + Math.floorMod(#, 3))", expression(Type.INT));
            labels = new String[] {"'a'", "'b'", "'c'"};
        } else {
            selector = Twin.fill("H.word(#)", expression(Type.INT));
            labels = new String[] {"\"w0\"", "\"w1\"", "\"w2\"", "\"w3\""};
        }
        boolean arrows = random.nextBoolean();
        scope.enterTarget(new Scope.JumpTarget(null, false));
        List<Twin> cases = new ArrayList<>();
        int next = 0;
        while (next < labels.length && random.nextInt(4) > 0) {
            int take = 1 + random.nextInt(Math.min(2, labels.length - next));
            String caseLabels = String.join(", ", List.of(labels).subList(next, next + take));
            next += take;
            cases.add(switchCase("case " + caseLabels, arrows, depth));
        }
        if (random.nextBoolean()) {
            cases.add(switchCase("default", arrows, depth));
        }
        scope.leaveTarget();
        return Twin.fill("switch (#) {\n#\n}", selector, Twin.join("\n", cases).indented());
    }

    private Twin switchCase(String labels, boolean arrow, int depth) {
        Twin body = block(depth);
        if (arrow) {
            return Twin.fill(labels + " -> {\n#\n}", body);
        }
        String end = random.nextInt(3) == 0 ? "" : "\nbreak;";   // else falls through to the next case
        return Twin.fill(labels + ": {\n#\n}" + end, body);
    }

    private Twin tryStatement(int depth) {
        return Twin.fill("try {\n#\n}#", tryBody(depth), catchesAndFinally(depth, false));
    }

    /** try-with-resources over one or two logged resources; a resource may fail when closed (suppression). */
    private Twin tryWithResources(int depth) {
        List<Twin> resources = new ArrayList<>();
        scope.openBlock();
        for (int n = 1 + random.nextInt(2); n > 0; n--) {
            String r = scope.freshName("r");
            String failOnClose = random.nextInt(5) == 0 ? "true" : "false";
            resources.add(Twin.fill("H.Res " + r + " = new H.Res(log, \"" + r + "\", #, " + failOnClose + ")",
                    expression(Type.INT)));
        }
        Twin body = tryBody(depth);
        scope.closeBlock();
        return Twin.fill("try (#) {\n#\n}#", Twin.join("; ", resources), body, catchesAndFinally(depth, true));
    }

    /** A try block's statements; the first logs entering it and may throw {@code H.Checked}, for the catches. */
    private Twin tryBody(int depth) {
        Twin enter = Twin.same("H.enter(log, \"" + methodName + ".t" + marks++ + "\");");
        return Twin.join("\n", List.of(enter.indented(), block(depth)));
    }

    private Twin catchesAndFinally(int depth, boolean bare) {
        List<Twin> clauses = new ArrayList<>();
        List<String> caught = new ArrayList<>();
        for (String clause : CATCHES) {
            if (random.nextInt(10) < 3 && !alreadyCaught(clause, caught)) {
                caught.addAll(List.of(clause.split(" \\| ")));
                clauses.add(catchClause(clause, depth));
            }
        }
        if (random.nextBoolean() || (clauses.isEmpty() && !bare)) {
            Twin mark = Twin.same("log.append(\"" + methodName + ".f" + marks++ + ";\");");
            // Simple statements and small expressions only: javac copies a finally block to every exit of its try,
            // and the weaver weaves every copy; big ones (with a try/finally inside) take the woven method past the
            // JVM's 64 KB limit, which the weaver refuses.
            finallyDepth++;
            Twin body = block(0);
            finallyDepth--;
            clauses.add(Twin.fill(" finally {\n#\n}", Twin.join("\n", List.of(mark.indented(), body))));
        }
        return Twin.join("", clauses);
    }

    private static boolean alreadyCaught(String clause, List<String> caught) {
        for (String type : clause.split(" \\| ")) {
            for (String earlier : caught) {
                if (isSubtypeOrSame(type, earlier)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isSubtypeOrSame(String type, String of) {
        if (type.equals(of) || of.equals("Exception")) {
            return true;
        }
        return of.equals("RuntimeException") && (type.equals("H.Unchecked") || type.equals("ArithmeticException"));
    }

    private Twin catchClause(String types, int depth) {
        String e = scope.freshName("e");
        Twin record = Twin.same("log.append(\"" + methodName + ".c" + marks++ + ":\").append("
                + e + ".getClass().getSimpleName()).append(" + e + ".getMessage()).append(';');");
        List<Twin> body = new ArrayList<>(List.of(record.indented(), block(depth)));
        if (random.nextInt(3) == 0) {
            Twin rethrow = random.nextBoolean()
                    ? Twin.same("throw " + e + ";")
                    : Twin.same("throw new H.Unchecked(\"w\" + " + e + ".getMessage());");
            body.add(Twin.fill("if (#) {\n    " + rethrow.async() + "\n}", expressions.guard(3)).indented());
        }
        return Twin.fill(" catch (" + types + " " + e + ") {\n#\n}", Twin.join("\n", body));
    }
}
