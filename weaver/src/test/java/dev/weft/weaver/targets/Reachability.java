package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import java.lang.ref.WeakReference;
import java.util.concurrent.CompletableFuture;

import static dev.weft.Weft.*;

public class Reachability {
    public static volatile WeakReference<byte[]> big;
    public static volatile boolean suspended;

    /** {@code data} is dead after the await: a suspended task must not keep it reachable. */
    @Async
    static Task<Integer> deadAcrossAwait(CompletableFuture<Integer> gate) {
        byte[] data = new byte[16 << 20];
        big = new WeakReference<>(data);
        int length = data.length;
        suspended = true;
        int extra = await(gate);
        return done(length + extra);
    }

    /** The control: {@code data} is live after the await and must survive. */
    @Async
    static Task<Integer> liveAcrossAwait(CompletableFuture<Integer> gate) {
        byte[] data = new byte[16 << 20];
        big = new WeakReference<>(data);
        suspended = true;
        int extra = await(gate);
        return done(data.length + extra);
    }

    /** One task suspending {@code n} times: its memory must not grow with the number of suspensions. */
    @Async
    static Task<Long> suspendsManyTimes(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            await(sleep(0));
            sum += i;
        }
        return done(sum);
    }

    @Async
    static Task<Integer> child(int i) {
        await(sleep(0));
        return done(i);
    }

    /** Many tasks at once, each suspending; the loop completes them all. */
    @Async
    static Task<Long> manyTasks(int tasks, int rounds) {
        long sum = 0;
        for (int r = 0; r < rounds; r++) {
            Task<?>[] batch = new Task<?>[tasks];
            for (int i = 0; i < tasks; i++) {
                batch[i] = createTask(child(i));
            }
            for (Task<?> t : batch) {
                sum += (Integer) await(t);
            }
        }
        return done(sum);
    }
}
