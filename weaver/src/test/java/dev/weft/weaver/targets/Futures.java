package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static dev.weft.Weft.*;

/** Awaiting CompletableFutures completed on other threads, and awaiting tasks that are already done. */
public class Futures {
    /** Threads seen by the last call: before the await, the completing thread, after the await. */
    static Thread before;
    static volatile Thread completer;
    static Thread after;
    static RuntimeException remoteFailure;
    static Exception remoteChecked;

    public static final class RemoteFailure extends RuntimeException {
        public RemoteFailure(String message) {
            super(message);
        }
    }

    public static final class RemoteChecked extends Exception {
        public RemoteChecked(String message) {
            super(message);
        }
    }

    static <T> CompletableFuture<T> completeLater(T value, Throwable failure) {
        CompletableFuture<T> cf = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            completer = Thread.currentThread();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure == null) {
                cf.complete(value);
            } else {
                cf.completeExceptionally(failure);
            }
        }, "weft-test-completer");
        t.setDaemon(true);
        t.start();
        return cf;
    }

    @Async
    static Task<String> awaitsFutureFromOtherThread() {
        long live = Long.MIN_VALUE;
        String prefix = "value=";
        before = Thread.currentThread();
        CompletableFuture<String> cf = completeLater("from-thread", null);
        String v = await(cf);
        after = Thread.currentThread();
        return done(prefix + v + (live == Long.MIN_VALUE ? "" : " corrupt") + " done=" + cf.isDone());
    }

    /** A stage completed exceptionally on another thread: caught unwrapped, as the same instance. */
    @Async
    static Task<Object> awaitsFailedFuture() {
        remoteFailure = new RemoteFailure("remote");
        before = Thread.currentThread();
        try {
            int x = await(completeLater(1, remoteFailure));
            return done("not reached " + x);
        } catch (RemoteFailure e) {
            after = Thread.currentThread();
            return done(e);
        }
    }

    /** A checked exception completing the stage is also delivered unwrapped. */
    @Async
    static Task<Object> awaitsFutureFailedWithChecked() {
        remoteChecked = new RemoteChecked("checked remote");
        try {
            await(completeLater("x", remoteChecked));
            return done("not reached");
        } catch (Exception e) {
            return done(e);
        }
    }

    /** supplyAsync wraps the failure in a CompletionException; await removes the wrapper. */
    @Async
    static Task<Object> awaitsSupplyAsyncFailure() {
        remoteFailure = new RemoteFailure("async supplier");
        RuntimeException toThrow = remoteFailure;
        CompletionStage<Integer> stage = CompletableFuture.supplyAsync(() -> {
            sleepQuietly(20);
            throw toThrow;
        });
        try {
            await(stage);
            return done("not reached");
        } catch (RuntimeException e) {
            return done(e);
        }
    }

    /** Several futures completed by other threads, awaited in a loop with values on the stack. */
    @Async
    static Task<Long> manyFutures() {
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            futures.add(completeLater(i, null));
        }
        long sum = 0;
        for (CompletableFuture<Integer> f : futures) {
            sum = sum * 10 + await(f);
        }
        return done(sum);
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- awaiting tasks that are done ------------------------------------------------------------------------------

    static int ticks;
    static boolean stopTicking;

    /** Counts the loop iterations in which it runs. Its body starts with the loop (see LoopAtEntry). */
    @Async
    static Task<Void> ticker() {
        while (!stopTicking) {
            ticks++;
            await(sleep(0));
        }
        return done();
    }

    /**
     * Returns how many ticker steps ran during each await: awaiting done(5), a completed CompletableFuture and a task
     * that completed earlier must not let the ticker run (zero); awaiting sleep(1) must (more than zero).
     */
    @Async
    static Task<List<Object>> doneTasksDoNotSuspend() {
        ticks = 0;
        stopTicking = false;
        List<Object> out = new ArrayList<>();
        createTask(ticker());
        Task<Integer> earlier = Awaitables.slow(7);
        out.add(await(earlier));

        int t0 = ticks;
        await(sleep(1));
        out.add(ticks - t0 > 0);

        t0 = ticks;
        int five = await(done(5));
        out.add(five);
        out.add(ticks - t0);

        t0 = ticks;
        int again = await(earlier);
        out.add(again);
        out.add(ticks - t0);

        t0 = ticks;
        String cf = await(CompletableFuture.completedFuture("cf"));
        out.add(cf);
        out.add(ticks - t0);

        t0 = ticks;
        Task<Integer> noAwait = Basics.noAwait(4);
        out.add(await(noAwait));
        out.add(ticks - t0);

        t0 = ticks;
        for (int i = 0; i < 100; i++) {
            await(done(i));
        }
        out.add(ticks - t0);
        stopTicking = true;
        return done(out);
    }
}
