package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.EventLoop;
import dev.weft.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import static dev.weft.Weft.*;

/** Lifecycle semantics: lazy start, inline await, no suspension on done tasks, cancellation. */
public class Lifecycle {
    public static final List<String> STEPS = new ArrayList<>();

    static void step(String s) {
        STEPS.add(s);
    }

    @Async
    static Task<Integer> recorded(String name, int value) {
        step(name + " runs");
        return done(value);
    }

    /** Calls an @Async method but never awaits it: its body must not run. */
    @Async
    static Task<Integer> callsWithoutAwaiting() {
        Task<Integer> t = recorded("child", 1);
        step("after call");
        return done(t.isDone() ? -1 : 0);
    }

    /** The child runs inside the parent, before a callback scheduled earlier. */
    @Async
    static Task<Integer> awaitRunsChildInline() {
        EventLoop.current().callSoon(() -> step("callback"));
        step("1 parent");
        int v = await(recorded("2 child", 5));
        step("3 parent resumes");
        await(sleep(0));
        step("5 parent after yield");
        return done(v);
    }

    @Async
    static Task<Integer> awaitOnDoneTaskDoesNotSuspend() {
        EventLoop.current().callSoon(() -> step("callback"));
        int sum = 0;
        for (int i = 0; i < 100; i++) {
            sum += await(done(i));
        }
        step("loop over");
        return done(sum);
    }

    @Async
    static Task<String> sleeper(List<String> log) {
        try {
            log.add("sleeping");
            await(sleep(60_000));
            log.add("woke");
            return done("woke");
        } catch (CancellationException e) {
            log.add("cancelled at await");
            throw e;
        } finally {
            log.add("finally");
        }
    }

    @Async
    static Task<String> cancelsSleeper(List<String> log) {
        Task<String> t = createTask(sleeper(log));
        await(sleep(0));
        log.add("cancel");
        t.cancel();
        try {
            await(t);
            return done("not cancelled");
        } catch (CancellationException e) {
            log.add("awaiter saw cancellation; cancelled=" + t.isCancelled());
            return done("cancelled");
        }
    }

    @Async
    static Task<String> catchesCancellationAndGoesOn(List<String> log) {
        try {
            await(sleep(60_000));
        } catch (CancellationException e) {
            log.add("caught");
        }
        await(sleep(1));
        log.add("went on");
        return done("survived");
    }

    @Async
    static Task<String> cancelsOneThatGoesOn(List<String> log) {
        Task<String> t = createTask(catchesCancellationAndGoesOn(log));
        await(sleep(0));
        t.cancel();
        return done(await(t));
    }

    /** Cancelling a task cancels what it awaits, down the chain of inline awaits. */
    @Async
    static Task<String> outerAwaitsSleeper(List<String> log) {
        try {
            return done(await(sleeper(log)));
        } finally {
            log.add("outer finally");
        }
    }

    @Async
    static Task<String> cancelsChain(List<String> log) {
        Task<String> t = createTask(outerAwaitsSleeper(log));
        await(sleep(0));
        t.cancel();
        try {
            await(t);
            return done("no");
        } catch (CancellationException e) {
            return done("chain cancelled");
        }
    }

    @Async
    static Task<String> cancelledBeforeStart(List<String> log) {
        Task<String> t = createTask(sleeper(log));
        t.cancel();
        await(sleep(1));
        return done(t.isCancelled() + " " + log);
    }

    /** A CompletableFuture completed on another thread resumes the task on the loop thread. */
    @Async
    static Task<Boolean> resumesOnLoopThread() {
        Thread before = Thread.currentThread();
        CompletableFuture<String> cf = new CompletableFuture<>();
        new Thread(() -> cf.complete("x"), "completer").start();
        String v = await(cf);
        return done(v.equals("x") && Thread.currentThread() == before);
    }

    @Async
    static Task<Integer> returnsUnstartedTask() {
        return recorded("tail", 9);
    }

    @Async
    static Task<Integer> returnsNull() {
        await(sleep(0));
        return null;
    }
}
