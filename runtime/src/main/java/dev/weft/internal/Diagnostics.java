package dev.weft.internal;

import dev.weft.EventLoop;
import dev.weft.ExceptionContext;
import dev.weft.ExceptionHandler;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a loop reports, and to whom: failures of callbacks, task failures no one retrieved, and in debug mode slow
 * callbacks and coroutines never awaited.
 *
 * <p>A failure no one retrieved is reported when its task is garbage-collected (as asyncio does from {@code __del__}),
 * or when the loop closes, whichever comes first, and never twice: each failed task gets a {@link FailureRecord}
 * registered with a {@link Cleaner}. Records are only made for failures, so tasks that succeed cost nothing here.
 * Coroutines are tracked only in debug mode; the check in their constructor reads one static field.
 */
final class Diagnostics {
    /**
     * True once any loop has turned debug mode on: the only cost debug mode adds to a coroutine's creation. Plain, not
     * volatile, so creating a coroutine does no ordered read: debug mode is turned on before the loop runs, by the
     * thread that then runs it (or one that starts it), and that ordering makes the write visible where it matters.
     */
    static boolean anyDebug;

    private static final System.Logger LOG = System.getLogger("dev.weft");
    private static final Cleaner CLEANER = Cleaner.create();

    private final EventLoop loop;
    private volatile ExceptionHandler handler;
    private boolean debug;
    private long slowCallbackNanos = 100_000_000L;
    private final Set<FailureRecord> failures = ConcurrentHashMap.newKeySet();
    private final List<CreationRecord> created = new ArrayList<>();
    private int createdPruneAt = 1024;

    Diagnostics(EventLoop loop) {
        this.loop = loop;
    }

    // ---- the handler --------------------------------------------------------------------------------------------

    void setHandler(ExceptionHandler handler) {
        this.handler = handler;
    }

    ExceptionHandler handler() {
        return handler;
    }

    void report(ExceptionContext context) {
        ExceptionHandler h = handler;
        if (h == null) {
            reportByDefault(context);
            return;
        }
        try {
            h.handle(loop, context);
        } catch (Throwable broken) {
            reportByDefault(new ExceptionContext("the exception handler failed on: " + context.message(),
                    broken, context.task()));
            reportByDefault(context);
        }
    }

    static void reportByDefault(ExceptionContext context) {
        if (context.exception() != null) {
            LOG.log(System.Logger.Level.ERROR, context.message(), context.exception());
        } else {
            LOG.log(System.Logger.Level.ERROR, context.message());
        }
    }

    // ---- debug mode -------------------------------------------------------------------------------------------------

    void setDebug(boolean on) {
        debug = on;
        if (on) {
            anyDebug = true;
        }
    }

    boolean debug() {
        return debug;
    }

    void setSlowCallbackNanos(long nanos) {
        slowCallbackNanos = nanos;
    }

    /** In debug mode: reports a callback or task step that kept the loop for too long. */
    void ranFor(Object callback, long nanos) {
        if (nanos >= slowCallbackNanos) {
            report(new ExceptionContext(String.format("Executing %s took %.3f seconds", callback, nanos / 1e9),
                    null, callback instanceof AbstractTask ? (AbstractTask<?>) callback : null));
        }
    }

    /** In debug mode: remembers where {@code coroutine} was created, to report it if it is never awaited. */
    void created(Coroutine<?> coroutine) {
        CreationRecord record = new CreationRecord(this, coroutine.method(),
                new Throwable("the coroutine was created here"));
        coroutine.recordCreation(record);
        created.add(record);
        if (created.size() >= createdPruneAt) {
            created.removeIf(r -> r.started || r.reported);
            createdPruneAt = Math.max(1024, created.size() * 2);
        }
        CLEANER.register(coroutine, record);
    }

    /** Coroutine creation, reported if it is collected or the loop closes before it ever started. */
    static final class CreationRecord implements Runnable {
        private final Diagnostics owner;
        private final String method;
        private final Throwable where;
        volatile boolean started;
        private volatile boolean reported;

        CreationRecord(Diagnostics owner, String method, Throwable where) {
            this.owner = owner;
            this.method = method;
            this.where = where;
        }

        /** The coroutine was collected. */
        @Override
        public void run() {
            reportIfNeverStarted(true);
        }

        void reportIfNeverStarted(boolean fromCleaner) {
            if (started || reported) {
                return;
            }
            reported = true;
            ExceptionContext context = new ExceptionContext("coroutine " + method + " was never awaited", where,
                    null);
            owner.deliver(context, fromCleaner);
        }
    }

    // ---- failures no one retrieved --------------------------------------------------------------------------------

    FailureRecord failed(AbstractTask<?> task, Throwable failure) {
        FailureRecord record = new FailureRecord(this, task.toString(), failure);
        failures.add(record);
        CLEANER.register(task, record);
        return record;
    }

    /** A failure waiting to be retrieved; run by the cleaner when its task is collected. */
    static final class FailureRecord implements Runnable {
        private final Diagnostics owner;
        private final String task;
        private final Throwable failure;
        volatile boolean retrieved;
        private volatile boolean reported;

        FailureRecord(Diagnostics owner, String task, Throwable failure) {
            this.owner = owner;
            this.task = task;
            this.failure = failure;
        }

        void retrieved() {
            retrieved = true;
            owner.failures.remove(this);
        }

        @Override
        public void run() {
            reportIfUnretrieved(true);
        }

        void reportIfUnretrieved(boolean fromCleaner) {
            if (retrieved || reported) {
                return;
            }
            reported = true;
            owner.failures.remove(this);
            owner.deliver(new ExceptionContext("Task exception was never retrieved: " + task, failure, null),
                    fromCleaner);
        }
    }

    /** Reports on the loop thread when the loop is open; from the cleaner thread directly once it is closed. */
    private void deliver(ExceptionContext context, boolean fromCleaner) {
        if (fromCleaner && !loop.isClosed()) {
            loop.callSoonThreadsafe(() -> report(context));
        } else {
            report(context);
        }
    }

    /** At close: everything still unreported is reported now. */
    void close() {
        for (FailureRecord record : new ArrayList<>(failures)) {
            record.reportIfUnretrieved(false);
        }
        for (CreationRecord record : created) {
            record.reportIfNeverStarted(false);
        }
        created.clear();
    }
}
