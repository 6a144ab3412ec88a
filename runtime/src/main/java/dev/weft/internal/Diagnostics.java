package dev.weft.internal;

import dev.weft.ExceptionContext;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;

/**
 * What a loop reports, and to whom: failures of callbacks, task failures no one retrieved, and in debug mode slow
 * callbacks and coroutines never awaited.
 *
 * <p>A failure no one retrieved is reported when its task is garbage-collected (as asyncio does from {@code __del__}),
 * or when the loop closes, whichever comes first, and never twice: each failed task gets a {@link FailureRecord}
 * registered with a {@link Cleaner}. Records are only made for failures, so tasks that succeed cost nothing here;
 * a task whose failure has a record carries {@code TaskState.FAILURE_RECORDED}, so retrieving it finds the record in
 * {@link #failures}, a weak map that never keeps a task alive. Coroutines are tracked only in debug mode, in
 * {@link #CREATED}; the check in their constructor reads one static field.
 */
public final class Diagnostics {
    /**
     * True once any loop has turned debug mode on: the only cost debug mode adds to a coroutine's creation. Plain, not
     * volatile, so creating a coroutine does no ordered read: debug mode is turned on before the loop runs, by the
     * thread that then runs it (or one that starts it), and that ordering makes the write visible where it matters.
     */
    static boolean anyDebug;

    private static final System.Logger LOG = System.getLogger("dev.weft");
    private static final Cleaner CLEANER = Cleaner.create();

    /**
     * In debug mode, where each coroutine not started yet was made, by coroutine. Weak keys: a coroutine collected
     * before it started is reported by the cleaner. Shared by all loops (a coroutine may be made on one thread and
     * started on another), so guarded by its own monitor.
     */
    private static final Map<Coroutine<?>, CreationRecord> CREATED = new WeakHashMap<>();

    private final Loop loop;
    /** Where reports go: the loop's exception handler, bound to its EventLoop; null for the log. */
    private volatile Consumer<ExceptionContext> handler;
    private boolean debug;
    private long slowCallbackNanos = 100_000_000L;
    /** The failures no one retrieved yet, by task; loop thread only. */
    private final Map<AbstractTask<?>, FailureRecord> failures = new WeakHashMap<>();
    /** The creation records this loop made, to report at close those whose coroutine never started. */
    private final List<CreationRecord> created = new ArrayList<>();
    private int createdPruneAt = 1024;

    Diagnostics(Loop loop) {
        this.loop = loop;
    }

    // ---- the handler --------------------------------------------------------------------------------------------

    public void setHandler(Consumer<ExceptionContext> handler) {
        this.handler = handler;
    }

    public void report(ExceptionContext context) {
        Consumer<ExceptionContext> h = handler;
        if (h == null) {
            reportByDefault(context);
            return;
        }
        try {
            h.accept(context);
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

    public void setDebug(boolean on) {
        debug = on;
        if (on) {
            anyDebug = true;
        }
    }

    public boolean debug() {
        return debug;
    }

    public void setSlowCallbackNanos(long nanos) {
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
    static void created(Coroutine<?> coroutine) {
        Loop running = Loop.runningOrNull();
        if (running != null && running.diagnostics.debug) {
            running.diagnostics.record(coroutine);
        }
    }

    private void record(Coroutine<?> coroutine) {
        CreationRecord record = new CreationRecord(this, coroutine.method(),
                new Throwable("the coroutine was created here"));
        synchronized (CREATED) {
            CREATED.put(coroutine, record);
        }
        created.add(record);
        if (created.size() >= createdPruneAt) {
            created.removeIf(r -> r.started || r.reported);
            createdPruneAt = Math.max(1024, created.size() * 2);
        }
        CLEANER.register(coroutine, record);
    }

    /** {@code coroutine} started, or was cancelled before it could: it is not one never awaited. */
    static void started(Coroutine<?> coroutine) {
        CreationRecord record;
        synchronized (CREATED) {
            record = CREATED.remove(coroutine);
        }
        if (record != null) {
            record.started = true;
        }
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

    void failed(AbstractTask<?> task, Throwable failure) {
        FailureRecord record = new FailureRecord(this, task.toString(), failure);
        failures.put(task, record);
        CLEANER.register(task, record);
    }

    /** The failure of {@code task}, recorded by {@link #failed}, was retrieved: it is not reported. */
    void retrieved(AbstractTask<?> task) {
        FailureRecord record = failures.remove(task);
        if (record != null) {
            record.retrieved = true;
        }
    }

    /**
     * {@code Weft.run}'s clean-up has waited {@code waitedNanos} for cancelled tasks that are still pending: names
     * each, with its method and what it is suspended on, and the likely cause.
     */
    void reportStuckCleanUp(List<AbstractTask<?>> pending, long waitedNanos) {
        StringBuilder message = new StringBuilder();
        message.append(pending.size()).append(pending.size() == 1 ? " task is" : " tasks are")
                .append(" still pending ").append(waitedNanos / 1_000_000)
                .append(" ms after run() cancelled it at the end of the main task:");
        for (AbstractTask<?> task : pending) {
            message.append("\n  ").append(task.name()).append(" running ").append(task.describe());
            if (task instanceof Coroutine) {
                Coroutine<?> c = (Coroutine<?>) task;
                message.append(", suspended at await #").append(c.resumePoint());
                if (c.awaiting() != null) {
                    message.append(" on ").append(c.awaiting());
                }
            }
        }
        message.append("\nA catch of CancellationException (or of RuntimeException, Exception or Throwable) around an "
                + "await may have swallowed the cancellation: rethrow it, or end the task. run() goes on waiting.");
        report(new ExceptionContext(message.toString(), null, null));
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

        @Override
        public void run() {
            reportIfUnretrieved(true);
        }

        void reportIfUnretrieved(boolean fromCleaner) {
            if (retrieved || reported) {
                return;
            }
            reported = true;
            owner.deliver(new ExceptionContext("Task exception was never retrieved: " + task, failure, null),
                    fromCleaner);
        }
    }

    /** Reports on the loop thread when the loop is open; from the cleaner thread directly once it is closed. */
    private void deliver(ExceptionContext context, boolean fromCleaner) {
        if (fromCleaner && !loop.isClosed()) {
            try {
                loop.callSoonThreadsafe(() -> report(context));
                return;
            } catch (IllegalStateException closedMeanwhile) {
                // The loop closed between the check and the hand-over: report from this thread.
            }
        }
        report(context);
    }

    /** At close: everything still unreported is reported now. */
    void close() {
        List<FailureRecord> unretrieved = new ArrayList<>(failures.values());
        failures.clear();
        for (FailureRecord record : unretrieved) {
            record.reportIfUnretrieved(false);
        }
        for (CreationRecord record : created) {
            record.reportIfNeverStarted(false);
        }
        created.clear();
    }
}
