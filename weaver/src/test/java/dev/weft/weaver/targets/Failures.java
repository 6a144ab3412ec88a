package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static dev.weft.Weft.*;

/** Checked and unchecked exceptions thrown by awaited tasks, caught by type in the awaiting method. */
public class Failures {
    /** The last exception a failing task threw, to check that the awaiting code sees the same instance. */
    static Throwable thrown;

    public static final class CustomChecked extends Exception {
        public final int code;

        public CustomChecked(String message, int code) {
            super(message);
            this.code = code;
        }
    }

    @Async
    static Task<Integer> failsWithIo(String message) throws IOException {
        await(sleep(1));
        IOException e = new IOException(message);
        thrown = e;
        throw e;
    }

    @Async
    static Task<Integer> failsWithIllegalArgument(String message) {
        await(sleep(1));
        IllegalArgumentException e = new IllegalArgumentException(message);
        thrown = e;
        throw e;
    }

    @Async
    static Task<String> failsWithCustom(int code) throws CustomChecked {
        await(Awaitables.slow(code));
        CustomChecked e = new CustomChecked("custom", code);
        thrown = e;
        throw e;
    }

    /** Fails without suspending first: the awaiter gets the failure at once. */
    @Async
    static Task<Integer> failsAtOnce(String message) {
        IllegalStateException e = new IllegalStateException(message);
        thrown = e;
        throw e;
    }

    /** Awaits the task chosen by {@code which} and returns the exception it caught, by type. */
    @Async
    static Task<Object> catchesByType(int which) {
        List<String> log = new ArrayList<>();
        try {
            switch (which) {
                case 0:
                    await(failsWithIo("io"));
                    break;
                case 1:
                    await(failsWithIllegalArgument("iae"));
                    break;
                case 2:
                    await(failsWithCustom(42));
                    break;
                default:
                    await(failsAtOnce("ise"));
            }
            log.add("not reached");
        } catch (IOException e) {
            log.add("IOException " + e.getMessage());
            return done(e);
        } catch (IllegalArgumentException e) {
            log.add("IllegalArgumentException " + e.getMessage());
            return done(e);
        } catch (CustomChecked e) {
            log.add("CustomChecked " + e.code);
            return done(e);
        } catch (RuntimeException e) {
            return done(e);
        }
        return done(log);
    }

    /** A failure caught, then an await in the catch block, then the method goes on. */
    @Async
    static Task<String> catchAwaitsAndContinues() {
        String where;
        int code = 0;
        try {
            where = "try " + await(failsWithCustom(7));
        } catch (CustomChecked e) {
            code = await(Awaitables.slow(e.code * 2));
            where = "catch " + e.getMessage();
        }
        return done(where + " " + code);
    }

    /** An uncaught failure leaves the awaiting method, which has values live, unchanged. */
    @Async
    static Task<Integer> propagatesThrough(int depth) throws IOException {
        long live = depth * 1000L;
        if (depth == 0) {
            return done(await(failsWithIo("deep")));
        }
        int below = await(propagatesThrough(depth - 1));
        return done((int) live + below);
    }

    /** The failure of a task that failed before it was awaited (a scheduled task) is the same instance. */
    @Async
    static Task<Object> failedEarlier() {
        Task<Integer> t = createTask(failsWithIllegalArgument("early"));
        await(sleep(20));
        boolean wasDone = t.isDone();
        try {
            await(t);
            return done("not reached");
        } catch (IllegalArgumentException e) {
            return done(new Object[]{wasDone, e});
        }
    }

    /** A failure escaping an awaited task and the awaiting method through a finally that awaits. */
    @Async
    static Task<Integer> escapesAfterFinally(List<String> log) throws CustomChecked {
        try {
            log.add("before");
            return done(await(failsWithCustom(3)) .length());
        } finally {
            log.add("finally " + await(Awaitables.slow("f")));
        }
    }
}
