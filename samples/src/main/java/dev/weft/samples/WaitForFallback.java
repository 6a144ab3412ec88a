package dev.weft.samples;

import dev.weft.Async;
import dev.weft.AsyncTimeoutException;
import dev.weft.Task;

import java.time.Duration;
import java.util.Random;
import java.util.function.IntSupplier;

import static dev.weft.Weft.*;

/**
 * asyncio_basic_10.py: wait at most 3 seconds for an addition that takes 1 to 4 seconds; print its result, or a
 * fallback when it is too late.
 */
public class WaitForFallback {
    @Async
    static Task<Integer> add(int x, int y, int seconds) {
        await(sleep(Duration.ofSeconds(seconds)));   // the work takes between 1 and 4 seconds
        return done(x + y);
    }

    @Async
    static Task<Void> getResults(IntSupplier delaySeconds) {
        Object result;
        try {
            // Wait for 3 seconds for the coroutine to execute
            result = await(waitFor(add(3, 4, delaySeconds.getAsInt()), Duration.ofSeconds(3)));
        } catch (AsyncTimeoutException e) {
            result = "fallback payload";
        }
        System.out.println(result);
        return done();
    }

    public static void main(String[] args) {
        Random random = new Random();
        run(getResults(() -> 1 + random.nextInt(4)));   // random.randrange(1, 5)
    }
}
