package dev.weft.it;

import dev.weft.Async;
import dev.weft.Task;

import java.lang.ref.WeakReference;
import java.util.concurrent.CompletableFuture;

import static dev.weft.Weft.*;

public class Inspected {
    public static volatile WeakReference<byte[]> big;
    public static volatile boolean suspended;

    /** {@code data} is dead after the await: woven by default, a suspended task does not keep it. */
    @Async
    public static Task<Integer> deadAcrossAwait(CompletableFuture<Integer> gate) {
        byte[] data = new byte[16 << 20];
        big = new WeakReference<>(data);
        int length = data.length;
        suspended = true;
        int extra = await(gate);
        return done(length + extra);
    }
}
