package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import java.util.List;

import static dev.weft.Weft.*;

public class Cleanup {
    @Async
    static Task<Void> forever(List<String> log) {
        try {
            await(sleep(3_600_000));
            log.add("woke");
        } finally {
            log.add("forever cancelled");
        }
        return done();
    }

    @Async
    static Task<String> leavesATaskBehind(List<String> log) {
        createTask(forever(log));
        await(sleep(1));
        return done("main done");
    }

    @Async
    static Task<Void> fails() {
        await(sleep(0));
        throw new IllegalArgumentException("nobody looks at me");
    }

    @Async
    static Task<String> forgetsAFailedTask() {
        createTask(fails());
        await(sleep(5));
        return done("ok");
    }

    @Async
    static Task<String> retrievesAFailedTask() {
        Task<Void> t = createTask(fails());
        await(sleep(5));
        return done(t.exception().getMessage());
    }
}
