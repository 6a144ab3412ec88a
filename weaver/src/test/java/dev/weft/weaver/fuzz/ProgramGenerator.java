package dev.weft.weaver.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random, valid, terminating and deterministic Java programs for differential testing of the weaver.
 *
 * <p><b>Idea.</b> A program is a nested class {@code P<seed>} of one to three method pairs. Each pair is an
 * {@code @Async} method returning {@code Task<Long>} and its synchronous twin returning {@code Long}, generated from
 * the same random choices ({@link Twin}): where the async method awaits a task, the twin reads the value directly or
 * throws the exception the task would fail with. Run woven on a loop, the async method must leave the same trace (the
 * {@code StringBuilder log} both append to) and return the same checksum, or throw the same exception, as its twin
 * run directly. Any difference is a weaver bug (or a generator bug, which the twin would share).
 *
 * <p><b>Invariants.</b> Everything a program does is fixed by its seed: the code, the literals and the schedule of
 * each await (done at once, suspending, inline start, virtual-time sleep, alternating; see {@link SupportSource}).
 * Loops are bounded by counters the code never assigns, calls between the generated methods pass {@code depth - 1}
 * and happen only while {@code depth > 0}, nothing hashes identities, reads clocks or iterates hash orders, and time
 * is virtual. Programs compile: locals are always initialized and never shadowed, jumps are always guarded by an
 * {@code if}, catch clauses never repeat a caught type, and every try block may throw the checked exception caught.
 *
 * <p><b>Order of what follows.</b> {@link #generate} makes the signatures of all methods first (so a method may call
 * itself and the ones after it), then each method's body through a {@link StatementGenerator} and an
 * {@link ExpressionGenerator} sharing one {@link Scope}, then the {@code start}/{@code startSync} entry points the
 * runner calls. {@link #unit} puts programs and the helper class {@code H} into one compilation unit.
 */
final class ProgramGenerator {
    static final String PACKAGE = "dev.weft.weaver.fuzz.generated";
    /** The {@code depth} the entry points pass: how deep calls between generated methods may go. */
    private static final int CALL_DEPTH = 2;

    /** One generated program: its seed, its class's simple name and its source (a nested static class). */
    record Program(long seed, String className, String source) {
    }

    /** The state of an instance program, read and written (across awaits) by its methods as locals are. */
    private static final String INSTANCE_FIELDS = "int f = 1;\nlong g = 2;";

    private ProgramGenerator() {
    }

    static String className(long seed) {
        return "P" + Long.toUnsignedString(seed);
    }

    static Program generate(long seed) {
        Random random = new Random(seed);
        boolean instance = random.nextInt(3) == 0;
        List<MethodSignature> methods = new ArrayList<>();
        for (int m = 1 + random.nextInt(3), i = 0; i < m; i++) {
            List<Type> params = new ArrayList<>();
            for (int p = random.nextInt(4); p > 0; p--) {
                params.add(Type.random(random));
            }
            String modifiers = (random.nextInt(3) == 0 ? "private " : "") + (instance ? "" : "static ");
            methods.add(new MethodSignature("m" + i, params, modifiers));
        }
        int awaitPercent = 15 + random.nextInt(30);
        List<String> parts = new ArrayList<>();
        if (instance) {
            parts.add(INSTANCE_FIELDS);
        }
        for (int i = 0; i < methods.size(); i++) {
            parts.add(methodPair(random, methods.get(i), methods.subList(i, methods.size()), awaitPercent, instance));
        }
        String className = className(seed);
        parts.add(entryPoints(random, methods.get(0), instance ? className : null));
        String body = String.join("\n\n", parts);
        String source = "/** Seed " + seed + ". */\npublic static final class " + className + " {\n" + indent(body) + "\n}";
        return new Program(seed, className, source);
    }

    private static String methodPair(Random random, MethodSignature method, List<MethodSignature> callees,
                                     int awaitPercent, boolean instance) {
        Scope scope = new Scope();
        if (instance) {
            scope.declare("this.f", Type.INT, true);
            scope.declare("this.g", Type.LONG, true);
        }
        for (int i = 0; i < method.params().size(); i++) {
            scope.declare(MethodSignature.parameterName(i), method.params().get(i), true);
        }
        ExpressionGenerator expressions = new ExpressionGenerator(random, scope, callees, awaitPercent);
        StatementGenerator statements = new StatementGenerator(random, scope, expressions, method.name(),
                6 + random.nextInt(20));
        expressions.useStatements(statements);
        Twin prelude = statements.declarations(2 + random.nextInt(3));
        Twin body = statements.statements(Integer.MAX_VALUE, 3);
        Twin end = statements.returnStatement();
        Twin all = Twin.join("\n", List.of(prelude, body, end)).indented();
        String params = method.parameterDeclarations();
        return "@Async\n" + method.modifiers() + "Task<Long> " + method.name() + "(" + params + ") throws H.Checked {\n"
                + all.async() + "\n}\n\n"
                + method.modifiers() + "Long " + method.syncName() + "(" + params + ") throws H.Checked {\n"
                + all.sync() + "\n}";
    }

    /**
     * {@code start(log)} returns the first method's task (not started); {@code startSync(log)} runs the twin. For an
     * instance program ({@code instanceOf} names its class), each makes its own instance.
     */
    private static String entryPoints(Random random, MethodSignature first, String instanceOf) {
        ExpressionGenerator literals = new ExpressionGenerator(random, new Scope(), List.of(), 0);
        String receiver = instanceOf != null ? "new " + instanceOf + "()." : "";
        StringBuilder args = new StringBuilder("log, " + CALL_DEPTH);
        for (Type param : first.params()) {
            args.append(", ").append(literals.leaf(param).async());
        }
        return "public static Task<Long> start(StringBuilder log) throws H.Checked {\n"
                + "    H.tick = 0;\n"
                + "    return " + receiver + first.name() + "(" + args + ");\n"
                + "}\n\n"
                + "public static Long startSync(StringBuilder log) throws H.Checked {\n"
                + "    H.tick = 0;\n"
                + "    return " + receiver + first.syncName() + "(" + args + ");\n"
                + "}";
    }

    /** A compilation unit: the public class {@code unitName} holding {@code H} and the programs. */
    static String unit(String unitName, List<Program> programs) {
        StringBuilder out = new StringBuilder();
        out.append("package ").append(PACKAGE).append(";\n\n").append(SupportSource.IMPORTS).append("\n\n");
        out.append("public final class ").append(unitName).append(" {\n");
        out.append(indent(SupportSource.TEXT)).append('\n');
        for (Program program : programs) {
            out.append('\n').append(indent(program.source())).append('\n');
        }
        return out.append("}\n").toString();
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }
}
