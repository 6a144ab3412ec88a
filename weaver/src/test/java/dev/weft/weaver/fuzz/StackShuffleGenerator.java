package dev.weft.weaver.fuzz;

import dev.weft.weaver.handbuilt.HandBuilt;
import org.objectweb.asm.tree.MethodNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.objectweb.asm.Opcodes.*;

/**
 * Generates {@code @Async} methods of straight-line bytecode that shuffle the operand stack (DUP, DUP_X1, DUP_X2,
 * DUP2, DUP2_X1, DUP2_X2, SWAP, POP, POP2) around awaits and around objects created by {@code NEW} and not yet
 * initialized. javac writes none of these shapes across an await; the weaver must keep their meaning or refuse them.
 *
 * <p>Each method is {@code public static @Async Task run(int mode)} in a {@link HandBuilt} class: the mode of its
 * awaitables in local 0, a String accumulator in local 1. It is built with the tree API while an abstract stack is
 * tracked, with the category of each entry, so every instruction is one the JVM verifier accepts in the form it takes
 * (DUP2 over two ints and DUP2 over a long are different forms; a form over a category mix that none allows is never
 * emitted). At the end every entry is folded into the accumulator, in order (the fold is order-sensitive, as are
 * ISUB, LSUB and concat), so a weaver that moves or drops a value changes the result. Objects still uninitialized at
 * the end get a constructor call first.
 *
 * <p>Two families, by the seed:
 * <ul>
 *   <li>{@link Family#ORDINARY}: shuffles never reach down to an uninitialized object, which sits on the stack only as
 *       javac leaves it ({@code NEW; DUP} with the constructor's arguments above). The weaver must weave these.</li>
 *   <li>{@link Family#UNINITIALIZED}: shuffles may copy, move and drop uninitialized objects, and a {@code NEW} may
 *       come without its {@code DUP}. The weaver must weave these right or refuse them.</li>
 * </ul>
 * A generated method is a function of its seed alone.
 */
final class StackShuffleGenerator {
    enum Family { ORDINARY, UNINITIALIZED }

    /**
     * A generated method, in its class file.
     *
     * @param straddles whether some object created by {@code NEW} is uninitialized on the stack at an await
     */
    record Case(long seed, Family family, String className, byte[] classFile, MethodNode method, boolean straddles) {
    }

    static final String METHOD = "run";
    private static final String BUILDER = "java/lang/StringBuilder";
    private static final String STRING = HandBuilt.STRING;
    private static final String CONCAT_DESC = "(Ljava/lang/String;)Ljava/lang/String;";
    private static final int ACC = 1;
    /** The deepest stack a method builds, in entries; pushes stop there. */
    private static final int MAX_STACK = 9;

    private enum Kind {
        INT(1), LONG(2), STRING(1), BUILDER(1), UNINITIALIZED(1);

        final int category;

        Kind(int category) {
            this.category = category;
        }
    }

    /** A stack entry: its kind, and for an uninitialized object the number of its {@code NEW}. */
    private record Entry(Kind kind, int newNumber) {
        static Entry of(Kind kind) {
            return new Entry(kind, -1);
        }
    }

    /**
     * A form of a stack instruction (JVMS 6.5): the categories it takes, top first, and what it leaves, bottom first,
     * as indices into the entries it took (0 is the top one).
     */
    private record Form(int opcode, int[] categories, int[] result) {
    }

    private static final Form[] FORMS = {
        new Form(POP, new int[] {1}, new int[] {}),
        new Form(POP2, new int[] {1, 1}, new int[] {}),
        new Form(POP2, new int[] {2}, new int[] {}),
        new Form(DUP, new int[] {1}, new int[] {0, 0}),
        new Form(DUP_X1, new int[] {1, 1}, new int[] {0, 1, 0}),
        new Form(DUP_X2, new int[] {1, 1, 1}, new int[] {0, 2, 1, 0}),
        new Form(DUP_X2, new int[] {1, 2}, new int[] {0, 1, 0}),
        new Form(DUP2, new int[] {1, 1}, new int[] {1, 0, 1, 0}),
        new Form(DUP2, new int[] {2}, new int[] {0, 0}),
        new Form(DUP2_X1, new int[] {1, 1, 1}, new int[] {1, 0, 2, 1, 0}),
        new Form(DUP2_X1, new int[] {2, 1}, new int[] {0, 1, 0}),
        new Form(DUP2_X2, new int[] {1, 1, 1, 1}, new int[] {1, 0, 3, 2, 1, 0}),
        new Form(DUP2_X2, new int[] {2, 1, 1}, new int[] {0, 2, 1, 0}),
        new Form(DUP2_X2, new int[] {1, 1, 2}, new int[] {1, 0, 2, 1, 0}),
        new Form(DUP2_X2, new int[] {2, 2}, new int[] {0, 1, 0}),
        new Form(SWAP, new int[] {1, 1}, new int[] {0, 1}),
    };

    private final long seed;
    private final Random random;
    private final Family family;
    private final MethodNode m;
    /** The abstract operand stack, bottom first. */
    private final List<Entry> stack = new ArrayList<>();
    private int news;
    private boolean straddles;

    private StackShuffleGenerator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.family = random.nextInt(3) == 0 ? Family.ORDINARY : Family.UNINITIALIZED;
        this.m = HandBuilt.asyncMethod(METHOD, HandBuilt.RUN_DESC);
    }

    /** The method of {@code seed}. */
    static Case generate(long seed) {
        return new StackShuffleGenerator(seed).build();
    }

    private Case build() {
        m.visitLdcInsn("");
        m.visitVarInsn(ASTORE, ACC);                                                      // acc = ""
        int steps = 4 + random.nextInt(16);
        for (int i = 0; i < steps; i++) {
            step();
        }
        while (!stack.isEmpty()) {
            if (top(0).kind == Kind.UNINITIALIZED) {
                m.visitLdcInsn("end");                                                    // [.., u, end]
                push(Entry.of(Kind.STRING));
                construct();                                                              // [..]
            } else {
                fold();                                                                   // [..]
            }
        }
        m.visitVarInsn(ALOAD, ACC);                                                       // [acc]
        HandBuilt.done(m);                                                                // [task]
        m.visitInsn(ARETURN);
        String simpleName = "Shuffle" + Long.toUnsignedString(seed);
        byte[] classFile = HandBuilt.classFile(simpleName, m);
        return new Case(seed, family, HandBuilt.className(simpleName), classFile, m, straddles);
    }

    /** One random action that is legal on the current stack; pushes are always legal below {@link #MAX_STACK}. */
    private void step() {
        while (true) {
            int roll = random.nextInt(100);
            if (roll < 12) {
                if (pushConstant()) {
                    return;
                }
            } else if (roll < 30) {
                if (pushAwaited()) {
                    return;
                }
            } else if (roll < 36) {
                awaitDropped();
                return;
            } else if (roll < 48) {
                if (newObject()) {
                    return;
                }
            } else if (roll < 58) {
                if (top(0) != null && top(0).kind == Kind.STRING && top(1) != null
                        && top(1).kind == Kind.UNINITIALIZED) {
                    construct();
                    return;
                }
            } else if (roll < 88) {
                if (shuffle()) {
                    return;
                }
            } else if (combine()) {
                return;
            }
        }
    }

    // ---- pushes ----------------------------------------------------------------------------------------------------

    private boolean pushConstant() {
        if (stack.size() >= MAX_STACK) {
            return false;
        }
        switch (random.nextInt(3)) {
            case 0:
                m.visitLdcInsn(random.nextInt(200) - 100);                                // [.., I]
                push(Entry.of(Kind.INT));
                break;
            case 1:
                m.visitLdcInsn(random.nextLong() % 1000);                                 // [.., J]
                push(Entry.of(Kind.LONG));
                break;
            default:
                m.visitLdcInsn("c" + random.nextInt(100));                                // [.., S]
                push(Entry.of(Kind.STRING));
                break;
        }
        return true;
    }

    /** An awaited int or String; rarely an await that throws, with everything on the stack. */
    private boolean pushAwaited() {
        if (stack.size() >= MAX_STACK) {
            return false;
        }
        noteAwait();
        if (random.nextInt(40) == 0) {
            HandBuilt.pushFailingTask(m, "failed at " + stack.size());                   // [.., task]
            HandBuilt.await(m);                                                           // throws
            m.visitTypeInsn(CHECKCAST, STRING);                                           // [.., S]
            push(Entry.of(Kind.STRING));
        } else if (random.nextBoolean()) {
            HandBuilt.pushTask(m, random.nextInt(1000));                                  // [.., task]
            HandBuilt.await(m);                                                           // [.., Object]
            HandBuilt.unboxInt(m);                                                        // [.., I]
            push(Entry.of(Kind.INT));
        } else {
            HandBuilt.pushStringTask(m, "a" + random.nextInt(1000));                      // [.., task]
            HandBuilt.await(m);                                                           // [.., Object]
            m.visitTypeInsn(CHECKCAST, STRING);                                           // [.., S]
            push(Entry.of(Kind.STRING));
        }
        return true;
    }

    /** [..] -> [..]: {@code await(x);} as a statement, with the whole stack kept across it. */
    private void awaitDropped() {
        noteAwait();
        HandBuilt.pushTask(m, random.nextInt(10));                                        // [.., task]
        HandBuilt.await(m);                                                               // [.., Object]
        m.visitInsn(POP);                                                                 // [..]
    }

    private void noteAwait() {
        for (Entry e : stack) {
            straddles |= e.kind == Kind.UNINITIALIZED;
        }
    }

    /** {@code NEW StringBuilder; DUP} as javac writes it; in the uninitialized family sometimes with no DUP. */
    private boolean newObject() {
        if (stack.size() + 2 > MAX_STACK || liveNews() >= 2) {
            return false;
        }
        Entry object = new Entry(Kind.UNINITIALIZED, news++);
        m.visitTypeInsn(NEW, BUILDER);                                                    // [.., u]
        push(object);
        if (family == Family.ORDINARY || random.nextInt(6) != 0) {
            m.visitInsn(DUP);                                                             // [.., u, u]
            push(object);
        }
        return true;
    }

    private int liveNews() {
        return (int) stack.stream().filter(e -> e.kind == Kind.UNINITIALIZED).map(Entry::newNumber).distinct()
                .count();
    }

    /** [.., u, S] -> [..]: {@code new StringBuilder(S)}; every other copy of u is the initialized builder now. */
    private void construct() {
        pop();
        Entry object = pop();
        m.visitMethodInsn(INVOKESPECIAL, BUILDER, "<init>", "(Ljava/lang/String;)V", false);
        for (int i = 0; i < stack.size(); i++) {
            if (stack.get(i).equals(object)) {
                stack.set(i, Entry.of(Kind.BUILDER));
            }
        }
    }

    // ---- shuffles and consumers ------------------------------------------------------------------------------------

    /**
     * A random stack instruction in a form the top entries allow. In the ordinary family it may not reach an
     * uninitialized object: everything it takes lies above the highest one.
     */
    private boolean shuffle() {
        Form form = FORMS[random.nextInt(FORMS.length)];
        int taken = form.categories.length;
        if (stack.size() < taken || stack.size() - taken + form.result.length > MAX_STACK) {
            return false;
        }
        for (int i = 0; i < taken; i++) {
            if (top(i).kind.category != form.categories[i]) {
                return false;
            }
        }
        if (family == Family.ORDINARY && stack.size() - taken < uninitializedHeight()) {
            return false;
        }
        Entry[] entries = new Entry[taken];
        for (int i = 0; i < taken; i++) {
            entries[i] = pop();
        }
        m.visitInsn(form.opcode);
        for (int index : form.result) {
            push(entries[index]);
        }
        return true;
    }

    /** The stack height just above the highest uninitialized entry (0 if none). */
    private int uninitializedHeight() {
        for (int i = stack.size() - 1; i >= 0; i--) {
            if (stack.get(i).kind == Kind.UNINITIALIZED) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Consumes the top entries into fewer: arithmetic, a conversion, a concatenation, or a fold. */
    private boolean combine() {
        Entry a = top(0);
        Entry b = top(1);
        if (a == null || a.kind == Kind.UNINITIALIZED) {
            return false;
        }
        if (b != null && a.kind == b.kind && random.nextBoolean()) {
            switch (a.kind) {
                case INT:
                    m.visitInsn(ISUB);                                                    // [.., b - a]
                    pop();
                    return true;
                case LONG:
                    m.visitInsn(LSUB);                                                    // [.., b - a]
                    pop();
                    return true;
                case STRING:
                    m.visitMethodInsn(INVOKEVIRTUAL, STRING, "concat", CONCAT_DESC, false);   // [.., b + a]
                    pop();
                    return true;
                default:
                    break;
            }
        }
        switch (random.nextInt(3)) {
            case 0:
                if (a.kind == Kind.INT) {
                    m.visitInsn(I2L);                                                     // [.., J]
                    replaceTop(Kind.LONG);
                    return true;
                } else if (a.kind == Kind.LONG) {
                    m.visitInsn(L2I);                                                     // [.., I]
                    replaceTop(Kind.INT);
                    return true;
                }
                return false;
            case 1:
                if (a.kind == Kind.BUILDER) {
                    m.visitMethodInsn(INVOKEVIRTUAL, BUILDER, "toString", "()Ljava/lang/String;", false);
                    replaceTop(Kind.STRING);                                              // [.., S]
                    return true;
                }
                return false;
            default:
                fold();
                return true;
        }
    }

    /** [.., v] -> [..]: acc = acc + String.valueOf(v) + ",". */
    private void fold() {
        Entry v = pop();
        switch (v.kind) {
            case INT:
                m.visitMethodInsn(INVOKESTATIC, STRING, "valueOf", "(I)Ljava/lang/String;", false);
                break;
            case LONG:
                m.visitMethodInsn(INVOKESTATIC, STRING, "valueOf", "(J)Ljava/lang/String;", false);
                break;
            case BUILDER:
                m.visitMethodInsn(INVOKEVIRTUAL, BUILDER, "toString", "()Ljava/lang/String;", false);
                break;
            case STRING:
                break;
            default:
                throw new IllegalStateException("no fold of " + v);
        }                                                                                 // [.., s]
        m.visitLdcInsn(",");
        m.visitMethodInsn(INVOKEVIRTUAL, STRING, "concat", CONCAT_DESC, false);           // [.., s + ","]
        m.visitVarInsn(ALOAD, ACC);                                                       // [.., s, acc]
        m.visitInsn(SWAP);                                                                // [.., acc, s]
        m.visitMethodInsn(INVOKEVIRTUAL, STRING, "concat", CONCAT_DESC, false);           // [.., acc + s]
        m.visitVarInsn(ASTORE, ACC);                                                      // [..]
    }

    // ---- the abstract stack ----------------------------------------------------------------------------------------

    /** The entry {@code depth} below the top (0 is the top), or null if the stack is not that deep. */
    private Entry top(int depth) {
        int index = stack.size() - 1 - depth;
        return index >= 0 ? stack.get(index) : null;
    }

    private void push(Entry e) {
        stack.add(e);
    }

    private Entry pop() {
        return stack.remove(stack.size() - 1);
    }

    private void replaceTop(Kind kind) {
        stack.set(stack.size() - 1, Entry.of(kind));
    }
}
