package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import static dev.weft.Weft.*;
import static dev.weft.weaver.targets.Awaitables.v;

/** Async lambdas: lambdas whose interface method returns Task, which may await. */
public class AsyncLambdas {
    /** Calls {@code f}: the lambda's task, not started. */
    static <T> Task<T> call(Supplier<Task<T>> f) {
        return f.get();
    }

    /** The first example, in an @Async method. */
    @Async
    static Task<Integer> callInAsync(int mode) {
        Task<Integer> t = call(() -> {
            int x = await(v(mode, 41));
            return done(x + 1);
        });
        return done(await(t));
    }

    /** An async lambda made in a plain method: the method returns the lambda's task without awaiting. */
    static Task<String> madeInPlainMethod(int mode) {
        String prefix = "got ";
        Supplier<Task<String>> s = () -> {
            String a = await(v(mode, "a"));
            String b = await(v(mode, "b"));
            return done(prefix + a + b);
        };
        return s.get();
    }

    /** computeIfAbsent with a lambda that awaits: each key's task is made once, and awaited twice. */
    @Async
    static Task<String> computeIfAbsent(int mode) {
        Map<String, Task<Integer>> cache = new HashMap<>();
        int[] made = {0};
        StringBuilder out = new StringBuilder();
        for (String k : new String[] {"ab", "abc", "ab"}) {
            Task<Integer> t = cache.computeIfAbsent(k, key -> {
                made[0]++;
                int length = await(v(mode, key.length()));
                return done(length * 10);
            });
            out.append(await(createTask(t))).append(' ');
        }
        return done(out.toString() + made[0]);
    }

    private final String name;
    private int count;

    AsyncLambdas(String name) {
        this.name = name;
    }

    /** A lambda capturing this (a field read and written after an await), a local, a long and a double. */
    @Async
    Task<String> capturesThisAndLocals(int mode, long big, double ratio) {
        String local = "/";
        Function<Integer, Task<String>> f = i -> {
            int got = await(v(mode, i));
            count += got;
            long sum = big + await(v(mode, 1L));
            return done(name + local + got + local + sum + local + (ratio * got) + local + count);
        };
        String first = await(f.apply(2));
        String second = await(f.apply(3));
        return done(first + " " + second + " " + count);
    }

    @Async
    static Task<String> capturing(int mode) {
        return new AsyncLambdas("obj").capturesThisAndLocals(mode, 1_000_000_000_000L, 0.5);
    }

    /** An async lambda inside an async lambda, with a loop, try/catch and a failure. */
    @Async
    static Task<String> nested(int mode) {
        IntFunction<Task<String>> outer = n -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                BiFunction<Integer, Integer, Task<Integer>> inner = (a, b) -> {
                    int x = await(v(mode, a));
                    if (x == 2) {
                        await(Awaitables.failing(mode, "two"));
                    }
                    return done(x * b);
                };
                try {
                    sb.append(await(inner.apply(i, 10))).append(',');
                } catch (IllegalArgumentException e) {
                    sb.append(e.getMessage()).append(',');
                }
            }
            return done(sb.toString());
        };
        return done(await(outer.apply(4)));
    }

    /** Lambdas that return a Task but do not await: left as written, so their bodies run when called. */
    static String plainTaskLambdaRunsWhenCalled() {
        List<String> order = new ArrayList<>();
        Supplier<Task<Integer>> s = () -> {
            order.add("body");
            return done(1);
        };
        Task<Integer> t = s.get();
        order.add("called");
        return order + " " + t.isDone();
    }

    /** An async lambda whose body runs when its task starts, as an @Async method's does. */
    @Async
    static Task<String> asyncLambdaRunsWhenStarted(int mode) {
        List<String> order = new ArrayList<>();
        Supplier<Task<Integer>> s = () -> {
            order.add("body");
            int x = await(v(mode, 1));
            return done(x);
        };
        Task<Integer> t = s.get();
        order.add("called");
        int x = await(t);
        return done(order + " " + x);
    }

    /** javac drops the dead block but still emits the lambda's body, which no invokedynamic names any more. */
    @Async
    static Task<Integer> lambdaInDeadCode(int mode) {
        if (false) {
            Supplier<Task<Integer>> s = () -> {
                int x = await(v(mode, 1));
                return done(x);
            };
        }
        return done(await(v(mode, 7)));
    }
}
