package dev.weft.weaver;

import dev.weft.weaver.internal.ClassWeaver;
import dev.weft.weaver.internal.ConstantPoolScan;
import dev.weft.weaver.internal.LocalsKept;

import java.util.ArrayList;
import java.util.List;

/**
 * Weaves class files: each {@code @Async} method becomes a resumable state machine (see {@code docs/weaving.md}).
 *
 * <p>Class bytes in, bytes out, nothing loaded: the weaver reads only the class it is given (the types it needs come
 * from the class's own stack map frames), so it can run in a build tool, a class-file transformer, or on its own.
 * Weaving is idempotent (a woven class is marked and passed over) and deterministic (same bytes in, same bytes out).
 * A {@code Weaver} holds no state: one instance may serve any number of threads.
 */
public final class Weaver {
    private final LocalsKept kept;

    /** Creates a weaver whose woven methods save only the locals still live at each await. */
    public Weaver() {
        this(LocalsKept.LIVE);
    }

    private Weaver(LocalsKept kept) {
        this.kept = kept;
    }

    /**
     * A weaver whose woven methods save every local in scope at an await, live or dead, so that a debugger stopped
     * after the await shows each variable's value rather than the zero or null a dead one is resumed with. For debug
     * builds only: a suspended task then keeps dead objects reachable and needs more memory.
     */
    public Weaver keepingLocals() {
        return new Weaver(LocalsKept.ALL);
    }

    /**
     * Tells, from the constant pool alone, whether {@link #weave(byte[])} might change or refuse the class. False
     * means the class is certainly returned untouched; classes without {@code @Async} or {@code Weft} are rejected
     * without being parsed.
     */
    public boolean mayNeedWeaving(byte[] classFile) {
        try {
            return ConstantPoolScan.of(classFile).mayNeedWeaving();
        } catch (IllegalArgumentException notAClass) {
            return true;   // let weave() report it
        }
    }

    /** Weaves one class file that comes from nowhere in particular; see {@link #weave(byte[], String)}. */
    public WeaveResult weave(byte[] classFile) {
        return weave(classFile, null);
    }

    /**
     * Weaves one class file. Never throws for bad input: a malformed class, a broken weaving rule or a failure inside
     * the weaver gives {@link WeaveResult.Outcome#REFUSED} with problems naming the file, the class, method and line,
     * and the input bytes unchanged. Bytes that do not start as a class file (a wrong magic number, a constant pool
     * cut short) are refused too, whether or not they name {@code @Async}.
     *
     * @param origin where the bytes come from, for the problems to name it: a path
     *     ({@code target/classes/com/example/Foo.class}) or a jar entry ({@code app.jar!/com/example/Foo.class});
     *     null if there is nothing to name
     */
    public WeaveResult weave(byte[] classFile, String origin) {
        ConstantPoolScan scan;
        try {
            scan = ConstantPoolScan.of(classFile);
        } catch (IllegalArgumentException notAClass) {
            return refused(null, classFile, origin, "cannot read the class file: " + notAClass.getMessage());
        }
        if (!scan.mayNeedWeaving()) {
            return new WeaveResult(WeaveResult.Outcome.UNTOUCHED, null, classFile, List.of());
        }
        ClassWeaver weaver = new ClassWeaver(classFile, kept);
        byte[] woven;
        try {
            woven = weaver.weave();
        } catch (RuntimeException malformed) {
            return refused(weaver.className(), classFile, origin, "cannot read the class file: " + malformed);
        }
        if (!weaver.problems().isEmpty()) {
            List<Problem> problems = new ArrayList<>();
            for (Problem problem : weaver.problems()) {
                problems.add(problem.from(origin));
            }
            return new WeaveResult(WeaveResult.Outcome.REFUSED, weaver.className(), classFile, problems);
        }
        if (woven == null) {
            return new WeaveResult(WeaveResult.Outcome.UNTOUCHED, weaver.className(), classFile, List.of());
        }
        return new WeaveResult(WeaveResult.Outcome.WOVEN, weaver.className(), woven, List.of());
    }

    private static WeaveResult refused(String className, byte[] classFile, String origin, String why) {
        Problem problem = new Problem(className, "", null, -1,
                why + "; the file is left as it is: compile it again, or leave it out of weaving").from(origin);
        return new WeaveResult(WeaveResult.Outcome.REFUSED, className, classFile, List.of(problem));
    }
}
