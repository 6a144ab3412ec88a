package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import java.time.Duration;

import static dev.weft.Weft.*;

/** The call pairs the weaver fuses ({@code await(sleep(t))}, {@code return done(v)}) beside forms it must not fuse. */
public class Shortcuts {
    static int finallyRuns;

    @Async
    public static Task<Integer> sleepsThenReturns(int x) {
        await(sleep(1));
        await(sleep(Duration.ofMillis(1)));
        return done(x + 1);
    }

    @Async
    public static Task<Void> returnsNothing() {
        await(sleep(0));
        return done();
    }

    /** The sleep is held in a variable first: it is a task code can see, so it must stay one. */
    @Async
    public static Task<Integer> sleepHeldInAVariable() {
        Task<Void> sleep = sleep(1);
        await(sleep);
        return done(sleep.isDone() ? 1 : 0);
    }

    /** javac stores the done task and runs the finally code before returning it: not adjacent, not fused. */
    @Async
    public static Task<Integer> returnsThroughFinally(int x) {
        try {
            await(sleep(1));
            return done(x);
        } finally {
            finallyRuns++;
        }
    }

    /** Its arguments are the only values ever saved: once restored, the coroutine drops its spill slots. */
    @Async
    public static Task<String> usesItsArgumentsBeforeSleeping(long millis, String tag) {
        String message = tag + " sleeps " + millis;
        await(sleep(millis));
        return done("slept");
    }

    /** An argument is live across the await: the slots stay. */
    @Async
    public static Task<String> keepsAnArgumentAcrossTheSleep(long millis, String tag) {
        await(sleep(millis));
        return done(tag + " slept " + millis);
    }

    public static int finallyRuns() {
        return finallyRuns;
    }
}
