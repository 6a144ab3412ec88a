package dev.weft.weaver.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random typed expressions with awaits at random positions. Every node may be wrapped in an await site
 * ({@link #awaited}), so awaits land nested in arguments, operands of binary operators and string concatenation,
 * ternary arms, array indexes and elements, constructor arguments (between {@code new} and the constructor call),
 * casts, method receivers and switch expression arms. Every compound form is parenthesized, so parts combine without
 * precedence surprises. Expressions never divide by zero unless a form means to ({@code ArithmeticException} is one
 * of the failures the programs throw and catch), strings are never empty and arrays have three elements.
 */
final class ExpressionGenerator {
    private static final Type[] NUMERIC_COMPARABLE = {Type.INT, Type.LONG, Type.DOUBLE, Type.FLOAT, Type.CHAR};
    private static final Type[] CONCATENATED = {Type.INT, Type.LONG, Type.DOUBLE, Type.FLOAT, Type.CHAR,
            Type.BOOLEAN, Type.BYTE, Type.SHORT, Type.STRING, Type.BOX};
    private static final int MAX_CALL_SITES = 2;

    private final Random random;
    private final Scope scope;
    private final List<MethodSignature> callees;
    private final int awaitPercent;
    private StatementGenerator statements;
    private int callSites;
    private int awaitSites;

    /**
     * @param callees the generated methods this method may call (itself and the ones generated after it)
     * @param awaitPercent the chance, in percent, that a node is wrapped in an await
     */
    ExpressionGenerator(Random random, Scope scope, List<MethodSignature> callees, int awaitPercent) {
        this.random = random;
        this.scope = scope;
        this.callees = callees;
        this.awaitPercent = awaitPercent;
    }

    /** The statement generator the blocks of switch expression arms come from. */
    void useStatements(StatementGenerator statements) {
        this.statements = statements;
    }

    /** An expression of {@code type}, nested at most {@code depth} deep. */
    Twin expression(Type type, int depth) {
        Twin e = depth <= 0 || random.nextInt(3) == 0 ? leaf(type) : compound(type, depth - 1);
        return random.nextInt(100) < awaitPercent ? awaited(type, e, depth) : e;
    }

    /** A local of {@code type} if one is in scope (most of the time), else a literal or a small constructed value. */
    Twin leaf(Type type) {
        Scope.Local local = random.nextInt(4) == 0 ? null : scope.pick(random, type, false);
        if (local != null) {
            return local.task() ? new Twin("await(" + local.name() + ")", local.name()) : Twin.same(local.name());
        }
        switch (type) {
            case INT_ARRAY:
            case DOUBLE_ARRAY:
            case STRING_ARRAY:
                Type e = type.element();
                return Twin.same("(new " + type.javaName + " {" + e.literal(random) + ", " + e.literal(random) + ", "
                        + e.literal(random) + "})");
            case BOX:
                return Twin.same("(new H.Box(" + Type.INT.literal(random) + ", " + Type.STRING.literal(random) + "))");
            default:
                return Twin.same(type.literal(random));
        }
    }

    /**
     * An await site giving {@code value}: a task that is done, suspends, or starts inline (by a kind chosen here, so
     * the schedule is part of the program), the task of an async lambda that awaits such a task, a
     * {@code CompletionStage}, or a task that fails on a condition. The twin reads the value directly, or throws.
     */
    Twin awaited(Type type, Twin value, int depth) {
        awaitSites++;
        int roll = random.nextInt(100);
        String c = type.code;
        if (roll < 60) {
            return Twin.fill("await(H.t" + c + "(" + random.nextInt(5) + ", #))", value).withSync("H.n" + c + "(#)", value);
        }
        if (roll < 70) {
            // An async lambda that awaits the value it is given: woven as an @Async method of its own.
            String p = scope.freshName("p");
            return Twin.fill("await(H.lambda" + c + "(#, " + p + " -> done(await(H.t" + c + "(" + random.nextInt(5)
                    + ", " + p + ")))))", value).withSync("H.n" + c + "(#)", value);
        }
        if (roll < 88) {
            return Twin.fill("await(H.cs" + c + "(" + random.nextInt(2) + ", #))", value)
                    .withSync("H.n" + c + "(#)", value);
        }
        Twin condition = guard(7);
        String exception = random.nextBoolean()
                ? "new H.Checked(\"k" + awaitSites + "\")" : "new H.Unchecked(\"u" + awaitSites + "\")";
        String failing = random.nextInt(3) == 0 ? "H.failCs" + c + "(" + random.nextInt(2) : "H.fail" + c + "("
                + random.nextInt(5);
        Twin async = Twin.fill("await(" + failing + ", #, #, " + exception + "))", condition, value);
        return async.withSync("H.raise" + c + "(#, #, " + exception + ")", condition, value);
    }

    /**
     * A condition true about once in {@code modulus} runs: it mixes the trace's length (which grows as the program
     * runs, the same in both twins) with an expression, so that guarded jumps and failures vary from one pass to the
     * next instead of being fixed by literals.
     */
    Twin guard(int modulus) {
        return Twin.fill("(Math.floorMod(log.length() + #, " + modulus + ") == 0)", expression(Type.INT, 1));
    }

    private Twin compound(Type type, int d) {
        switch (type) {
            case BOOLEAN:
                return booleanForm(d);
            case BYTE:
                return random.nextBoolean() ? cast(Type.BYTE, Type.INT, d)
                        : Twin.fill("((byte) (# + #))", expression(Type.BYTE, d), expression(Type.BYTE, d));
            case SHORT:
                return cast(Type.SHORT, random.nextBoolean() ? Type.INT : Type.LONG, d);
            case CHAR:
                return charForm(d);
            case INT:
                return intForm(d);
            case LONG:
                return longForm(d);
            case FLOAT:
                return floatForm(d);
            case DOUBLE:
                return doubleForm(d);
            case STRING:
                return stringForm(d);
            case BOX:
                return boxForm(d);
            default:
                return arrayForm(type, d);
        }
    }

    /**
     * One form chosen at random from {@code templatesAndTypes}: each template (a String) is followed by the types of
     * the expressions that fill its holes.
     */
    private Twin pick(int d, Object... templatesAndTypes) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < templatesAndTypes.length; i++) {
            if (templatesAndTypes[i] instanceof String) {
                starts.add(i);
            }
        }
        int start = starts.get(random.nextInt(starts.size()));
        String template = (String) templatesAndTypes[start];
        List<Twin> parts = new ArrayList<>();
        for (int i = start + 1; i < templatesAndTypes.length && templatesAndTypes[i] instanceof Type; i++) {
            parts.add(expression((Type) templatesAndTypes[i], d));
        }
        return Twin.fill(template, parts.toArray(Twin[]::new));
    }

    private Twin booleanForm(int d) {
        switch (random.nextInt(10)) {
            case 0:
            case 1:
                Type t = NUMERIC_COMPARABLE[random.nextInt(NUMERIC_COMPARABLE.length)];
                String op = new String[] {"<", "<=", ">", ">=", "==", "!="}[random.nextInt(6)];
                return Twin.fill("(# " + op + " #)", expression(t, d), expression(t, d));
            case 2:
                return pick(d, "(!#)", Type.BOOLEAN, "(# ^ #)", Type.BOOLEAN, Type.BOOLEAN);
            case 3:
                return pick(d, "(# && #)", Type.BOOLEAN, Type.BOOLEAN, "(# || #)", Type.BOOLEAN, Type.BOOLEAN);
            case 4:
                return pick(d, "#.equals(#)", Type.STRING, Type.STRING, "#.contains(\"1\")", Type.STRING,
                        "(#.n > #)", Type.BOX, Type.INT);
            case 5:
                return ternary(Type.BOOLEAN, d);
            case 6:
                // Not a boolean switch expression: javac 17 compiles those in conditions into bad code or crashes.
                return Twin.fill("(# > 0)", switchExpression(Type.INT, d));
            case 7:
                return assignment(Type.BOOLEAN, d);
            default:
                return Twin.fill("(Math.floorMod(#, 3) == 0)", expression(Type.INT, d));
        }
    }

    private Twin charForm(int d) {
        switch (random.nextInt(4)) {
            case 0:
                return Twin.fill("((char) ('a' + Math.floorMod(#, 26)))", expression(Type.INT, d));
            case 1:
                return Twin.fill("#.charAt(0)", expression(Type.STRING, d));
            case 2:
                return Twin.fill("((char) (# + 1))", expression(Type.CHAR, d));
            default:
                return ternary(Type.CHAR, d);
        }
    }

    private Twin intForm(int d) {
        switch (random.nextInt(16)) {
            case 0:
            case 1:
                String op = new String[] {"+", "-", "*", "^", "&", "|"}[random.nextInt(6)];
                return Twin.fill("(# " + op + " #)", expression(Type.INT, d), expression(Type.INT, d));
            case 2:
                return pick(d, "(# / (# | 1))", Type.INT, Type.INT, "(# % (# | 1))", Type.INT, Type.INT,
                        "(# << #)", Type.INT, Type.INT, "(# >> 3)", Type.INT);
            case 3:
                return cast(Type.INT, pickType(Type.LONG, Type.DOUBLE, Type.FLOAT, Type.CHAR, Type.BYTE, Type.SHORT), d);
            case 4:
                return ternary(Type.INT, d);
            case 5:
                return Twin.fill("#[Math.floorMod(#, 3)]", expression(Type.INT_ARRAY, d), expression(Type.INT, d));
            case 6:
                return pick(d, "#.length", Type.INT_ARRAY, "#.length()", Type.STRING, "#.length", Type.STRING_ARRAY);
            case 7:
                return random.nextBoolean()
                        ? Twin.fill("H.f(#, #, #)", expression(Type.INT, d), expression(Type.INT, d),
                                expression(Type.INT, d))
                        : Twin.fill("Math.max(#, #)", exact(Type.INT, d), exact(Type.INT, d));
            case 8:
                return pick(d, "#.get()", Type.BOX, "#.n", Type.BOX);
            case 9:
                return switchExpression(Type.INT, d);
            case 10:
            case 11:
                return assignment(Type.INT, d);
            case 12:
                return random.nextBoolean() ? Twin.fill("#.indexOf(#)", expression(Type.STRING, d), exact(Type.CHAR, d))
                        : patternMatch(d);
            case 13:
                // May divide by zero: an ArithmeticException thrown between awaits.
                return random.nextInt(4) == 0
                        ? Twin.fill("(# / #)", expression(Type.INT, d), expression(Type.INT, d))
                        : pick(d, "(-#)", Type.INT, "(~#)", Type.INT);
            default:
                return Twin.fill("(# + #)", expression(Type.INT, d), expression(Type.INT, d));
        }
    }

    private Twin longForm(int d) {
        switch (random.nextInt(9)) {
            case 0:
            case 1:
                String op = new String[] {"+", "-", "*", "^"}[random.nextInt(4)];
                return Twin.fill("(# " + op + " #)", expression(Type.LONG, d), expression(Type.LONG, d));
            case 2:
                return cast(Type.LONG, pickType(Type.INT, Type.DOUBLE, Type.CHAR), d);
            case 3:
                return ternary(Type.LONG, d);
            case 4:
                return random.nextBoolean() ? Twin.fill("Math.abs(#)", exact(Type.LONG, d))
                        : Twin.fill("(# / (# | 1L))", expression(Type.LONG, d), expression(Type.LONG, d));
            case 5:
                return switchExpression(Type.LONG, d);
            case 6:
                return assignment(Type.LONG, d);
            default:
                return call(d);
        }
    }

    private Twin floatForm(int d) {
        switch (random.nextInt(5)) {
            case 0:
                String op = new String[] {"+", "-", "*"}[random.nextInt(3)];
                return Twin.fill("(# " + op + " #)", expression(Type.FLOAT, d), expression(Type.FLOAT, d));
            case 1:
                return cast(Type.FLOAT, pickType(Type.INT, Type.LONG, Type.DOUBLE), d);
            case 2:
                return random.nextBoolean() ? Twin.fill("(# / 4f)", expression(Type.FLOAT, d))
                        : Twin.fill("Math.abs(#)", exact(Type.FLOAT, d));
            default:
                return ternary(Type.FLOAT, d);
        }
    }

    private Twin doubleForm(int d) {
        switch (random.nextInt(7)) {
            case 0:
            case 1:
                String op = new String[] {"+", "-", "*"}[random.nextInt(3)];
                return Twin.fill("(# " + op + " #)", expression(Type.DOUBLE, d), expression(Type.DOUBLE, d));
            case 2:
                return cast(Type.DOUBLE, pickType(Type.INT, Type.LONG, Type.FLOAT), d);
            case 3:
                return Twin.fill("#[Math.floorMod(#, 3)]", expression(Type.DOUBLE_ARRAY, d), expression(Type.INT, d));
            case 4:
                return Twin.fill("Math.sqrt(Math.abs(#))", exact(Type.DOUBLE, d));
            case 5:
                return switchExpression(Type.DOUBLE, d);
            default:
                return ternary(Type.DOUBLE, d);
        }
    }

    private Twin stringForm(int d) {
        switch (random.nextInt(12)) {
            case 0:
            case 1:
                List<Twin> operands = new ArrayList<>();
                operands.add(Twin.same("\"<\""));
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    operands.add(expression(CONCATENATED[random.nextInt(CONCATENATED.length)], d));
                }
                return Twin.fill("(#)", Twin.join(" + ", operands));
            case 2:
                Type t = CONCATENATED[random.nextInt(CONCATENATED.length)];
                return Twin.fill("String.valueOf(#)", exact(t, d));
            case 3:
                return pick(d, "#.concat(#)", Type.STRING, Type.STRING, "#.toUpperCase()", Type.STRING);
            case 4:
                return random.nextBoolean() ? Twin.fill("#.s", expression(Type.BOX, d))
                        : Twin.fill("H.orElse(null, #)", expression(Type.STRING, d));   // null under the await
            case 5:
                return Twin.fill("#[Math.floorMod(#, 3)]", expression(Type.STRING_ARRAY, d), expression(Type.INT, d));
            case 6:
                return Twin.fill("H.g(#, #, #)", expression(Type.STRING, d), expression(Type.LONG, d),
                        expression(Type.CHAR, d));
            case 7:
                return Twin.fill("new StringBuilder(#).append(#).reverse().toString()", exact(Type.STRING, d),
                        exact(CONCATENATED[random.nextInt(CONCATENATED.length)], d));
            case 8:
                return ternary(Type.STRING, d);
            case 9:
                return switchExpression(Type.STRING, d);
            case 10:
                return assignment(Type.STRING, d);
            default:
                return Twin.fill("H.word(#)", expression(Type.INT, d));
        }
    }

    private Twin boxForm(int d) {
        switch (random.nextInt(4)) {
            case 0:
            case 1:
                return Twin.fill("(new H.Box(#, #))", expression(Type.INT, d), expression(Type.STRING, d));
            case 2:
                return Twin.fill("#.with(#)", expression(Type.BOX, d), expression(Type.INT, d));
            default:
                return ternary(Type.BOX, d);
        }
    }

    private Twin arrayForm(Type type, int d) {
        if (random.nextInt(3) == 0) {
            return ternary(type, d);
        }
        if (random.nextInt(4) == 0) {
            return Twin.fill("#.clone()", expression(type, d));
        }
        Type e = type.element();
        return Twin.fill("(new " + type.javaName + " {#, #, #})", expression(e, d), expression(e, d),
                expression(e, d));
    }

    /**
     * {@code ((to) (from) e)}: the cast to {@code from} first unboxes an awaited value ({@code (byte) Integer} does
     * not compile, {@code (byte) (int) Integer} does).
     */
    private Twin cast(Type to, Type from, int d) {
        return Twin.fill("((" + to.javaName + ") (" + from.javaName + ") #)", expression(from, d));
    }

    /**
     * An expression cast to its own type: an argument of an overloaded method, where an awaited value (a generic
     * call) would make the choice ambiguous.
     */
    Twin exact(Type type, int d) {
        return Twin.fill("((" + type.javaName + ") #)", expression(type, d));
    }

    private Type pickType(Type... types) {
        return types[random.nextInt(types.length)];
    }

    private Twin ternary(Type type, int d) {
        return Twin.fill("(# ? # : #)", expression(Type.BOOLEAN, d), expression(type, d), expression(type, d));
    }

    /** {@code (v = e)}, {@code (v += e)} or {@code v++} on an assignable local, or a leaf if there is none. */
    private Twin assignment(Type type, int d) {
        Scope.Local local = scope.pick(random, type, true);
        if (local == null) {
            return leaf(type);
        }
        if (type.isNumeric() && random.nextBoolean()) {
            return random.nextBoolean()
                    ? Twin.same("(" + local.name() + "++)") : Twin.fill("(" + local.name() + " += #)",
                    expression(type, d));
        }
        return Twin.fill("(" + local.name() + " = #)", expression(type, d));
    }

    /**
     * {@code (H.obj(e) instanceof H.Box b ? b.n + i : j)}, or the same with a String: the binding is a local javac
     * makes, read after the awaits of {@code i}.
     */
    private Twin patternMatch(int d) {
        String binding = scope.freshName("p");
        if (random.nextBoolean()) {
            return Twin.fill("(H.obj(#) instanceof H.Box " + binding + " ? " + binding + ".n + # : #)",
                    expression(Type.BOX, d), expression(Type.INT, d), expression(Type.INT, d));
        }
        Type other = random.nextBoolean() ? Type.STRING : Type.INT_ARRAY;
        return Twin.fill("(H.obj(#) instanceof String " + binding + " ? " + binding + ".length() + # : #)",
                expression(other, d), expression(Type.INT, d), expression(Type.INT, d));
    }

    /**
     * A switch expression over a small int or a word, with arrows: single-expression arms and block arms that run
     * statements (with awaits) and {@code yield}.
     */
    private Twin switchExpression(Type type, int d) {
        boolean onWords = random.nextBoolean();
        Twin selector = onWords
                ? Twin.fill("H.word(#)", expression(Type.INT, d))
                : Twin.fill("Math.floorMod(#, 4)", expression(Type.INT, d));
        List<Twin> arms = new ArrayList<>();
        int cases = 1 + random.nextInt(3);
        for (int c = 0; c < cases; c++) {
            String label = onWords ? "\"w" + c + "\"" : Integer.toString(c);
            arms.add(Twin.fill("case " + label + " -> #", armBody(type, d)));
        }
        arms.add(Twin.fill("default -> #", armBody(type, d)));
        return Twin.fill("(switch (#) {\n#\n})", selector, Twin.join("\n", arms).indented());
    }

    private Twin armBody(Type type, int d) {
        if (statements == null || random.nextInt(3) > 0) {
            return Twin.fill("#;", expression(type, d));
        }
        scope.enterSwitchExpressionArm();
        scope.openBlock();
        Twin body = statements.statements(1 + random.nextInt(2), 1);
        // Through a local: javac reads "yield (" as a call of a method named yield.
        String result = scope.freshName("y");
        Twin yield = Twin.fill(type.javaName + " " + result + " = #;\nyield " + result + ";", expression(type, d));
        scope.closeBlock();
        scope.leaveSwitchExpressionArm();
        return Twin.fill("{\n#\n}", Twin.join("\n", List.of(body, yield)).indented());
    }

    /** A call of a generated method, awaited (the twin calls the sync twin), made only while {@code depth > 0}. */
    private Twin call(int d) {
        if (callees.isEmpty() || callSites >= MAX_CALL_SITES) {
            return leaf(Type.LONG);
        }
        callSites++;
        MethodSignature callee = callees.get(random.nextInt(callees.size()));
        List<Twin> args = new ArrayList<>();
        args.add(Twin.same("log"));
        args.add(Twin.same("depth - 1"));
        for (Type param : callee.params()) {
            args.add(expression(param, Math.min(d, 1)));
        }
        Twin argList = Twin.join(", ", args);
        return new Twin("(depth > 0 ? await(" + callee.name() + "(" + argList.async() + ")) : 0L)",
                "(depth > 0 ? " + callee.syncName() + "(" + argList.sync() + ") : 0L)");
    }
}
