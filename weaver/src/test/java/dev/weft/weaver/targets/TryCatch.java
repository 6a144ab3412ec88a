package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import java.util.ArrayList;
import java.util.List;

import static dev.weft.Weft.*;
import static dev.weft.weaver.targets.Awaitables.v;

/** try/catch/finally and try-with-resources with awaits in every part; the order of events is recorded. */
public class TryCatch {

    public static final class Resource implements AutoCloseable {
        private final String name;
        private final List<String> log;
        private final boolean failOnClose;

        Resource(String name, List<String> log, boolean failOnClose) {
            this.name = name;
            this.log = log;
            this.failOnClose = failOnClose;
            log.add("open " + name);
        }

        @Override
        public void close() {
            log.add("close " + name);
            if (failOnClose) {
                throw new IllegalStateException("close " + name + " failed");
            }
        }
    }

    static void maybeThrow(boolean fail, String message) {
        if (fail) {
            throw new IllegalStateException(message);
        }
    }

    /** Awaits in try, catch and finally; the try fails after its await when {@code fail}. */
    @Async
    static Task<List<String>> awaitsInAllThree(int m, boolean fail) {
        List<String> log = new ArrayList<>();
        int x = 1;
        try {
            log.add("try " + await(v(m, x)));
            x = await(v(m, 2));
            maybeThrow(fail, "boom" + x);
            log.add("try end " + await(v(m, "ok")));
        } catch (IllegalStateException e) {
            log.add("catch " + e.getMessage());
            log.add("catch awaited " + await(v(m, x * 10)));
            x = 3;
        } finally {
            log.add("finally " + await(v(m, x)));
            await(sleep(1));
            log.add("finally end");
        }
        log.add("after " + x);
        return done(log);
    }

    static List<String> awaitsInAllThreeSync(boolean fail) {
        List<String> log = new ArrayList<>();
        int x = 1;
        try {
            log.add("try " + x);
            x = 2;
            maybeThrow(fail, "boom" + x);
            log.add("try end " + "ok");
        } catch (IllegalStateException e) {
            log.add("catch " + e.getMessage());
            log.add("catch awaited " + x * 10);
            x = 3;
        } finally {
            log.add("finally " + x);
            log.add("finally end");
        }
        log.add("after " + x);
        return log;
    }

    /** Nested try blocks; the inner finally and the outer catch both await. */
    @Async
    static Task<List<String>> nestedTry(int m, int failAt) {
        List<String> log = new ArrayList<>();
        try {
            log.add("outer try");
            try {
                log.add("inner try " + await(v(m, 1)));
                maybeThrow(failAt == 1, "inner");
                try {
                    await(v(m, 0));
                    maybeThrow(failAt == 2, "innermost");
                    log.add("innermost ok");
                } catch (IllegalStateException e) {
                    log.add("innermost catch " + e.getMessage() + await(v(m, "!")));
                    throw new IllegalArgumentException("rethrown " + e.getMessage(), e);
                } finally {
                    log.add("innermost finally");
                }
            } catch (IllegalStateException e) {
                log.add("inner catch " + await(v(m, e.getMessage())));
            } finally {
                log.add("inner finally " + await(v(m, 2)));
            }
            maybeThrow(failAt == 3, "outer");
        } catch (IllegalArgumentException | IllegalStateException e) {
            log.add("outer catch " + await(v(m, e.getMessage())) + " cause " + (e.getCause() != null));
        } finally {
            log.add("outer finally " + await(v(m, 3)));
        }
        return done(log);
    }

    static List<String> nestedTrySync(int failAt) {
        List<String> log = new ArrayList<>();
        try {
            log.add("outer try");
            try {
                log.add("inner try " + 1);
                maybeThrow(failAt == 1, "inner");
                try {
                    maybeThrow(failAt == 2, "innermost");
                    log.add("innermost ok");
                } catch (IllegalStateException e) {
                    log.add("innermost catch " + e.getMessage() + "!");
                    throw new IllegalArgumentException("rethrown " + e.getMessage(), e);
                } finally {
                    log.add("innermost finally");
                }
            } catch (IllegalStateException e) {
                log.add("inner catch " + e.getMessage());
            } finally {
                log.add("inner finally " + 2);
            }
            maybeThrow(failAt == 3, "outer");
        } catch (IllegalArgumentException | IllegalStateException e) {
            log.add("outer catch " + e.getMessage() + " cause " + (e.getCause() != null));
        } finally {
            log.add("outer finally " + 3);
        }
        return log;
    }

    /** A finally with an await runs when the try returns, breaks, continues and throws out of the method. */
    @Async
    static Task<String> finallyOnEveryExit(int m, List<String> log) {
        for (int i = 0; i < 4; i++) {
            try {
                log.add("i=" + i);
                if (i == 0) {
                    continue;
                }
                if (await(v(m, i)) == 2) {
                    break;
                }
            } finally {
                log.add("finally " + i + " " + await(v(m, "f")));
            }
        }
        try {
            log.add("returning");
            if (await(v(m, true))) {
                return done("returned " + log.size());
            }
        } finally {
            log.add("finally return " + await(v(m, log.size())));
        }
        return done("not reached");
    }

    /** The exception from the try escapes the method after a finally that awaits. */
    @Async
    static Task<String> finallyThenPropagates(int m, List<String> log) {
        try {
            log.add("try");
            await(v(m, 0));
            throw new UnsupportedOperationException("escapes");
        } finally {
            log.add("finally " + await(v(m, 1)));
            await(sleep(1));
            log.add("finally end");
        }
    }

    /** try-with-resources with awaits in the body; close() is recorded, also when the body fails. */
    @Async
    static Task<List<String>> tryWithResources(int m, boolean fail, boolean failOnClose) {
        List<String> log = new ArrayList<>();
        try (Resource a = new Resource("a", log, false);
             Resource b = new Resource(await(v(m, "b")), log, failOnClose)) {
            log.add("body " + await(v(m, 1)));
            await(sleep(1));
            maybeThrow(fail, "body failed");
            log.add("body end " + await(v(m, 2)));
        } catch (IllegalStateException e) {
            log.add("caught " + e.getMessage() + " suppressed " + e.getSuppressed().length
                    + " " + await(v(m, "x")));
        } finally {
            log.add("finally");
        }
        return done(log);
    }

    static List<String> tryWithResourcesSync(boolean fail, boolean failOnClose) {
        List<String> log = new ArrayList<>();
        try (Resource a = new Resource("a", log, false);
             Resource b = new Resource("b", log, failOnClose)) {
            log.add("body " + 1);
            maybeThrow(fail, "body failed");
            log.add("body end " + 2);
        } catch (IllegalStateException e) {
            log.add("caught " + e.getMessage() + " suppressed " + e.getSuppressed().length + " " + "x");
        } finally {
            log.add("finally");
        }
        return log;
    }

    /** An exception thrown after an await inside a loop is caught inside the loop, each iteration. */
    @Async
    static Task<String> catchInLoop(int m) {
        StringBuilder sb = new StringBuilder();
        int caught = 0;
        for (int i = 0; i < 6; i++) {
            try {
                int d = await(v(m, i % 3));
                sb.append(12 / d).append(',');
            } catch (ArithmeticException e) {
                caught += await(v(m, 1));
                sb.append("div0,");
            }
        }
        return done(sb + "caught=" + caught);
    }

    /** The stack under a try is empty, but an expression around a method with try/catch keeps values live. */
    @Async
    static Task<Long> valuesLiveAcrossCatch(int m) {
        long big = Long.MAX_VALUE;
        double d = -0.0;
        int i = 5;
        try {
            i = await(v(m, 6));
            Object o = null;
            o.hashCode();
        } catch (NullPointerException e) {
            big -= await(v(m, 1L));
            d = 1 / d;
        }
        return done(big + (long) d + i);
    }
}
