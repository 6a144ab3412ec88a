package dev.weft.weaver.corpus;

import dev.weft.weaver.Problem;
import dev.weft.weaver.WeaveResult;
import dev.weft.weaver.Weaver;
import dev.weft.weaver.validation.WeaverFailures;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The corpus classes with frames, each given {@link AsyncTwins} and woven: computed once per test JVM and shared by
 * the tests that check the results (verification, idempotence, determinism). Classes are woven in parallel by one
 * shared {@link Weaver}, which is documented to serve any number of threads.
 *
 * <p>A twin the weaver refuses on purpose (an await inside {@code synchronized}, a method that would pass 64 KB) is
 * dropped and the class woven again without it, so one refusal does not hide the class's other twins. A weaver failure
 * (an exception it caught and reported as a problem) is kept in {@link #failures()}.
 */
public final class WovenTwins {
    /**
     * One corpus class: the input with its twins (refused ones dropped), the woven output, the twins refused, and what
     * went wrong if the weaver failed (then {@code woven} is null).
     */
    public record Result(Corpus.Entry entry, byte[] input, byte[] woven, int twins, List<Problem> refused,
                         List<String> failures) {
    }

    /** Computed on first use; in a holder because the parallel workers call this class's static methods. */
    private static final class Lazy {
        static final List<Result> RESULTS = weaveAll();
    }

    private WovenTwins() {
    }

    /** Every corpus class that had a method to twin, in corpus order. */
    public static List<Result> all() {
        return Lazy.RESULTS;
    }

    /** The classes that were woven, in corpus order. */
    public static List<Result> woven() {
        return Lazy.RESULTS.stream().filter(r -> r.woven() != null).collect(Collectors.toList());
    }

    /** Problems that were weaver failures, or outcomes other than WOVEN once refused twins are dropped. */
    public static List<String> failures() {
        return Lazy.RESULTS.stream().flatMap(r -> r.failures().stream()).collect(Collectors.toList());
    }

    /** The number of twins woven (refused ones not counted). */
    public static int twinCount() {
        return Lazy.RESULTS.stream().mapToInt(Result::twins).sum();
    }

    private static List<Result> weaveAll() {
        Weaver weaver = new Weaver();
        return Corpus.withFrames().parallelStream()
                .filter(e -> e.major() >= 52)   // the weaver refuses @Async in older class files
                .map(e -> weave(weaver, e))
                .filter(r -> r != null)
                .collect(Collectors.toList());
    }

    private static Result weave(Weaver weaver, Corpus.Entry e) {
        byte[] input = AsyncTwins.add(e.bytes(), name -> true);
        if (input == null) {
            return null;
        }
        WeaveResult result = weaver.weave(input);
        List<Problem> refused = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        if (result.outcome() == WeaveResult.Outcome.REFUSED) {
            Set<String> names = new HashSet<>();
            for (Problem p : result.problems()) {
                if (WeaverFailures.isWeaverFailure(p) || !p.method().startsWith(AsyncTwins.PREFIX)) {
                    failures.add(e + ": " + p);
                }
                names.add(p.method());
            }
            refused.addAll(result.problems());
            input = AsyncTwins.add(e.bytes(), name -> !names.contains(name));
            if (input == null) {
                return new Result(e, null, null, 0, refused, failures);
            }
            result = weaver.weave(input);
        }
        if (result.outcome() != WeaveResult.Outcome.WOVEN) {
            failures.add(e + ": " + result.outcome() + " after dropping refused twins: " + result.problems());
            return new Result(e, input, null, 0, refused, failures);
        }
        return new Result(e, input, result.bytes(), countTwins(input), refused, failures);
    }

    private static int countTwins(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, ClassReader.SKIP_CODE);
        return (int) node.methods.stream().filter(m -> m.name.startsWith(AsyncTwins.PREFIX)).count();
    }
}
