package dev.weft.bench.eaasync;

import java.util.concurrent.CompletableFuture;

import static com.ea.async.Async.await;

/**
 * The ea-async peers. Compiled at release 11 and instrumented at build time by ea-async's own tool (see the pom):
 * ea-async 1.2.3 cannot read newer class files, and at load time it fails on every JDK class as well
 * (docs/performance.md). This folder is compiled before the rest of the module, so it cannot use
 * {@code Workload.small(i)}; {@code i & 63} is the same value.
 */
public final class EaAsyncCoroutines {
    private EaAsyncCoroutines() {
    }

    /** An async method that completes at once: ea-async's trivial task. */
    static CompletableFuture<Integer> trivial(int x) {
        return CompletableFuture.completedFuture(x);
    }

    public static CompletableFuture<Long> awaitTrivialEach(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(trivial(i & 63));
        }
        return CompletableFuture.completedFuture(sum);
    }

    public static CompletableFuture<Long> awaitEach(CompletableFuture<Integer>[] completed, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += await(completed[i & 63]);
        }
        return CompletableFuture.completedFuture(sum);
    }
}
