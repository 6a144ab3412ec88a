package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.weft.Weft.*;
import static dev.weft.weaver.targets.Awaitables.v;

/** @Async methods of every kind: generic, instance, varargs, nested, inner, local, anonymous, private. */
public class MethodKinds {

    // ---- generic methods -------------------------------------------------------------------------------------------

    @Async
    static <T> Task<T> identity(T value) {
        await(sleep(1));
        return done(value);
    }

    @Async
    static <T extends Comparable<T>> Task<T> max(int m, T a, T b) {
        T first = await(v(m, a));
        T second = await(identity(b));
        return done(first.compareTo(second) >= 0 ? first : second);
    }

    @Async
    static Task<String> generics(int m) {
        String s = await(identity("text"));
        Integer i = await(identity(42));
        List<String> list = await(identity(List.of("a", "b")));
        int[] arr = await(identity(new int[]{1, 2}));
        Object nothing = await(identity(null));
        String bigger = await(max(m, "pear", "apple"));
        Long biggerLong = await(max(m, -5L, 3L));
        return done(s + i + list + Arrays.toString(arr) + nothing + bigger + biggerLong);
    }

    // ---- instance methods ------------------------------------------------------------------------------------------

    public static final class Account {
        private final String owner;
        private long balance;
        private final List<String> history = new ArrayList<>();

        Account(String owner, long balance) {
            this.owner = owner;
            this.balance = balance;
        }

        @Async
        Task<Long> deposit(int m, long amount) {
            long before = balance;
            await(v(m, 0));
            this.balance = before + await(v(m, amount));
            history.add(owner + "+" + amount);
            return done(this.balance);
        }

        @Async
        Task<String> transferTo(int m, Account other, long amount) {
            await(withdraw(m, amount));
            long theirs = await(other.deposit(m, amount));
            return done(this.owner + ":" + this.balance + " " + other.owner + ":" + theirs + " " + history
                    + other.history);
        }

        @Async
        private Task<Void> withdraw(int m, long amount) {
            long b = await(v(m, balance));
            balance = b - amount;
            history.add(owner + "-" + amount);
            return done();
        }

        Account self() {
            return this;
        }

        @Async
        Task<Boolean> thisSurvives(int m) {
            Account before = this;
            await(v(m, 1));
            await(sleep(1));
            return done(before == this && self() == this);
        }
    }

    @Async
    static Task<String> instanceMethods(int m) {
        Account alice = new Account("alice", 100);
        Account bob = new Account("bob", 5);
        String r = await(alice.transferTo(m, bob, 30));
        boolean same = await(alice.thisSurvives(m));
        return done(r + " " + same);
    }

    // ---- varargs ---------------------------------------------------------------------------------------------------

    @Async
    static Task<String> joinAll(String sep, int... values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(await(Awaitables.slow(values[i])));
        }
        return done(sb.toString() + "#" + values.length);
    }

    @Async
    static Task<String> varargs(int m) {
        String none = await(joinAll(","));
        String three = await(joinAll("-", 1, 2, 3));
        String awaited = await(joinAll(await(v(m, "+")), await(v(m, 4)), 5, await(v(m, 6))));
        String array = await(joinAll("/", new int[]{7, await(v(m, 8))}));
        return done(none + " " + three + " " + awaited + " " + array);
    }

    // ---- static nested, inner, local and anonymous classes ---------------------------------------------------------

    public static final class Nested {
        @Async
        static Task<String> twice(int m, String s) {
            String a = await(v(m, s));
            return done(a + await(v(m, s)));
        }
    }

    private int outerField = 1000;
    private String outerName = "outer";

    public final class InnerCounter {
        private int count;

        @Async
        Task<String> add(int m, int x) {
            count += await(v(m, x));
            outerField += await(v(m, 1));
            int snapshot = outerField;
            await(sleep(1));
            return done(outerName + ":" + snapshot + ":" + count + ":" + MethodKinds.this.outerField);
        }
    }

    @Async
    static Task<String> nestedAndInner(int m) {
        String nested = await(Nested.twice(m, "ab"));
        MethodKinds outer = new MethodKinds();
        InnerCounter counter = outer.new InnerCounter();
        String first = await(counter.add(m, 5));
        outer.outerName = "renamed";
        String second = await(counter.add(m, 7));
        return done(nested + " " + first + " " + second + " " + outer.outerField);
    }

    @Async
    static Task<String> localClass(int m, String captured) {
        int factor = await(v(m, 3));
        class Local {
            private final int base;

            Local(int base) {
                this.base = base;
            }

            @Async
            Task<String> compute(int x) {
                int y = await(v(m, x * factor));
                await(sleep(1));
                return done(captured + (base + y));
            }
        }
        Local local = new Local(await(v(m, 100)));
        String a = await(local.compute(1));
        String b = await(new Local(await(v(m, 200))).compute(await(v(m, 2))));
        return done(a + "," + b);
    }

    @Async
    static Task<String> anonymousClass(int m) {
        String suffix = await(v(m, "?"));
        Greeter anonymous = new Greeter() {
            private int calls;

            @Override
            public String prefix() {
                return "anon" + calls;
            }

            @Override
            @Async
            public Task<String> greet(String name) {
                calls++;
                String g = await(Greeter.super.greet(name));
                calls++;
                return done("[" + g + "]" + suffix + await(v(m, calls)));
            }
        };
        String first = await(anonymous.greet("x"));
        String second = await(anonymous.greet("y"));
        return done(first + " " + second);
    }

    // ---- interface methods -----------------------------------------------------------------------------------------

    public static final class Hello implements Greeter {
        @Override
        public String prefix() {
            return "hello";
        }
    }

    @Async
    static Task<String> interfaceMethods(int m) {
        String viaDefault = await(new Hello().greet(await(v(m, "bob"))));
        Greeter lambda = () -> "lam";
        String viaLambda = await(lambda.greet("amy"));
        String viaStatic = await(Greeter.shout(await(v(m, "hey"))));
        return done(viaDefault + " | " + viaLambda.substring(0, viaLambda.lastIndexOf(' ')) + " | " + viaStatic);
    }

    // ---- private methods -------------------------------------------------------------------------------------------

    @Async
    private static Task<Integer> secret(int m, int x) {
        return done(await(v(m, x)) * 2);
    }

    @Async
    static Task<Integer> callsPrivate(int m) {
        int a = await(secret(m, 10));
        int b = await(new MethodKinds().privateInstance(m, a));
        return done(a + b);
    }

    @Async
    private Task<Integer> privateInstance(int m, int x) {
        return done(await(secret(m, x)) + outerField);
    }
}
