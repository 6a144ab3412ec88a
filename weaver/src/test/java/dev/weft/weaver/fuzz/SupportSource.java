package dev.weft.weaver.fuzz;

/**
 * The source of {@code H}, the helper class nested in every generated compilation unit (so that a printed failing
 * program compiles on its own). The generated code reaches awaited values and failures only through it:
 *
 * <ul>
 *   <li>{@code t(kind, v)}: a task giving {@code v}. Kind 0 is done at once, 1 yields to the loop first (really
 *       suspends), 2 is a coroutine not started yet that finishes inline, 3 sleeps 1 ms of virtual time, 4 takes
 *       kinds 1 and 0 in turn (a per-run counter). The twin reads {@code v} itself.</li>
 *   <li>{@code cs(kind, v)}: a {@code CompletionStage} giving {@code v}: complete already (0), or completed by a
 *       callback the loop runs soon.</li>
 *   <li>{@code failIf(kind, fail, v, e)}: a task giving {@code v}, or failing with {@code e} (inline or after a
 *       yield) when {@code fail}. The twin throws {@code e} itself when {@code fail}. {@code failCs} does the same
 *       with a {@code CompletionStage}, failed already or failed by a loop callback.</li>
 *   <li>Generated code calls these through non-generic helpers per type, named by {@link Type#code}:
 *       {@code tI}, {@code csI}, {@code failI} in the async method, {@code nI} and {@code raiseI} in the twin.</li>
 *   <li>{@code enter}, {@code sum}: the trace: every try block logs its entry (and declares {@code throws Checked},
 *       so a catch of {@code Checked} is always legal); every method logs and returns a checksum of its locals.</li>
 * </ul>
 */
final class SupportSource {
    static final String TEXT = String.join("\n",
            "static final class H {",
            "    static int tick;",
            "",
            "    static final class Checked extends Exception {",
            "        Checked(String message) { super(message); }",
            "    }",
            "",
            "    static final class Unchecked extends RuntimeException {",
            "        Unchecked(String message) { super(message); }",
            "    }",
            "",
            "    static final class Box {",
            "        int n;",
            "        String s;",
            "        Box(int n, String s) { this.n = n; this.s = s; }",
            "        int get() { return n; }",
            "        Box with(int k) { return new Box(n + k, s + k); }",
            "        @Override public String toString() { return \"Box(\" + n + \",\" + s + \")\"; }",
            "    }",
            "",
            "    static final class Res implements AutoCloseable {",
            "        final StringBuilder log;",
            "        final String name;",
            "        final int n;",
            "        final boolean failOnClose;",
            "        Res(StringBuilder log, String name, int n, boolean failOnClose) {",
            "            this.log = log; this.name = name; this.n = n; this.failOnClose = failOnClose;",
            "            log.append(\"open \").append(name).append(n).append(';');",
            "        }",
            "        @Override public void close() {",
            "            log.append(\"close \").append(name).append(';');",
            "            if (failOnClose) throw new Unchecked(\"close \" + name);",
            "        }",
            "    }",
            "",
            "    static <T> Task<T> t(int kind, T v) {",
            "        switch (kind) {",
            "            case 0: return Weft.done(v);",
            "            case 1: return yielding(v);",
            "            case 2: return inline(v);",
            "            case 3: return sleeping(v);",
            "            default: return (tick++ & 1) == 0 ? yielding(v) : Weft.done(v);",
            "        }",
            "    }",
            "",
            "    @Async static <T> Task<T> yielding(T v) { Weft.await(Weft.sleep(0)); return Weft.done(v); }",
            "",
            "    @Async static <T> Task<T> inline(T v) { return Weft.done(v); }",
            "",
            "    @Async static <T> Task<T> sleeping(T v) { Weft.await(Weft.sleep(1)); return Weft.done(v); }",
            "",
            "    static <T> CompletionStage<T> cs(int kind, T v) {",
            "        if (kind == 0) return CompletableFuture.completedFuture(v);",
            "        CompletableFuture<T> f = new CompletableFuture<>();",
            "        EventLoop.current().callSoon(() -> f.complete(v));",
            "        return f;",
            "    }",
            "",
            "    static <T> Task<T> failIf(int kind, boolean fail, T v, Exception e) throws Checked {",
            "        if (!fail) return t(kind, v);",
            "        return failing(e, kind % 2 == 1);",
            "    }",
            "",
            "    @Async static <T> Task<T> failing(Exception e, boolean yieldFirst) throws Checked {",
            "        if (yieldFirst) Weft.await(Weft.sleep(0));",
            "        throw raise(e);",
            "    }",
            "",
            "    static <T> CompletionStage<T> failCs(int kind, boolean fail, T v, Exception e) {",
            "        if (!fail) return cs(kind, v);",
            "        if (kind == 0) return CompletableFuture.failedFuture(e);",
            "        CompletableFuture<T> f = new CompletableFuture<>();",
            "        EventLoop.current().callSoon(() -> f.completeExceptionally(e));",
            "        return f;",
            "    }",
            "",
            "    static Checked raise(Exception e) throws Checked {",
            "        if (e instanceof Checked) throw (Checked) e;",
            "        throw (RuntimeException) e;",
            "    }",
            "",
            "    static void enter(StringBuilder log, String where) throws Checked {",
            "        log.append(where).append(';');",
            "    }",
            "",
            "    static long sum(StringBuilder log, String where, Object... values) {",
            "        long h = 17;",
            "        for (Object v : values) h = h * 31 + str(v).hashCode();",
            "        log.append(where).append('=').append(h).append(';');",
            "        return h;",
            "    }",
            "",
            "    static String str(Object v) {",
            "        if (v instanceof int[]) return Arrays.toString((int[]) v);",
            "        if (v instanceof double[]) return Arrays.toString((double[]) v);",
            "        if (v instanceof Object[]) return Arrays.toString((Object[]) v);",
            "        return String.valueOf(v);",
            "    }",
            "",
            "    static int f(int a, int b, int c) { return a * 3 - b + c; }",
            "",
            "    static String g(String s, long x, char c) { return s + x % 100 + c; }",
            "",
            "    static String word(int i) { return \"w\" + Math.floorMod(i, 4); }",
            "",
            "    static String orElse(String a, String b) { return a != null ? a : b; }",
            "",
            "    static Object obj(Object o) { return o; }",
            "",
            "    static java.util.List<String> list(String a, String b, String c) { return java.util.List.of(a, b, c); }")
            + typedHelpers() + "\n}";

    /** The imports every generated unit needs. */
    static final String IMPORTS = String.join("\n",
            "import dev.weft.Async;",
            "import dev.weft.EventLoop;",
            "import dev.weft.Task;",
            "import dev.weft.Weft;",
            "import java.util.Arrays;",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.CompletionStage;",
            "",
            "import static dev.weft.Weft.await;",
            "import static dev.weft.Weft.done;");

    private SupportSource() {
    }

    /**
     * For each {@link Type}, non-generic helpers ({@code tI(kind, int)} gives a {@code Task<Integer>}...): generated
     * code calls these, never the generic ones, because javac's inference over nested generic calls costs time
     * exponential in their depth.
     */
    private static String typedHelpers() {
        StringBuilder out = new StringBuilder();
        for (Type type : Type.values()) {
            String v = type.javaName + " v";
            String a = type.awaitedName;
            String c = type.code;
            out.append("\n\n    static Task<").append(a).append("> t").append(c).append("(int kind, ").append(v)
                    .append(") { return t(kind, v); }")
                    .append("\n    static CompletionStage<").append(a).append("> cs").append(c).append("(int kind, ")
                    .append(v).append(") { return cs(kind, v); }")
                    .append("\n    static Task<").append(a).append("> fail").append(c)
                    .append("(int kind, boolean fail, ").append(v)
                    .append(", Exception e) throws Checked { return failIf(kind, fail, v, e); }")
                    .append("\n    static CompletionStage<").append(a).append("> failCs").append(c)
                    .append("(int kind, boolean fail, ").append(v)
                    .append(", Exception e) throws Checked { return failCs(kind, fail, v, e); }")
                    .append("\n    static Task<").append(a).append("> lambda").append(c).append("(").append(v)
                    .append(", java.util.function.Function<").append(a).append(", Task<").append(a)
                    .append(">> f) { return f.apply(v); }")
                    .append("\n    static ").append(a).append(" n").append(c).append("(").append(v)
                    .append(") { return v; }")
                    .append("\n    static ").append(a).append(" raise").append(c).append("(boolean fail, ").append(v)
                    .append(", Exception e) throws Checked { if (fail) throw raise(e); return v; }");
        }
        return out.toString();
    }
}
