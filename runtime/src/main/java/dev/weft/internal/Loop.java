package dev.weft.internal;

import dev.weft.ExceptionContext;
import dev.weft.TimerHandle;
import dev.weft.internal.io.LoopSelector;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Weft's event loop: the scheduler behind {@code dev.weft.EventLoop}. It knows callbacks ({@link Runnable}s), timers
 * and sockets; of tasks it knows only {@link AbstractTask}'s registry and timer indexes, never a kind of task (the
 * coroutine trampoline's state lives in {@link Trampoline}). A test checks its class file refers to no task subclass.
 *
 * <p>Implementation overview. Three sources feed the ready queue: callbacks of the loop thread ({@link #callSoon}),
 * timers ({@link TimerHeap}) and callbacks from other threads ({@link Inbox}). One iteration ({@link #runOnce()})
 * moves the inbox's callbacks (at most {@link #FOREIGN_BATCH} of them) and the due timers into the ready queue, runs
 * the callbacks that are ready at that moment (those they schedule, and those other threads add meanwhile, wait for
 * the next iteration, so no source can starve the others), and returns how long the loop may sleep: zero when work is ready, the time to the next timer, or
 * -1 for "until woken". The loop then parks its thread; {@link #callSoonThreadsafe} unparks it. Parking and the inbox
 * form a Dekker handshake on {@link #parked} and the inbox's top, so a wake-up is never lost.
 *
 * <p>Closing ({@link #close}) seals the inbox, so a submission from another thread racing the close either got in
 * before, and runs in the close's last pass over what was accepted, or throws; every later submission throws
 * {@code IllegalStateException("the event loop is closed")}. Hooks registered with {@link #whenClosed} then run (the
 * futures of {@code runCoroutineThreadsafe} fail).
 *
 * <p>Time comes from a clock given at creation (by default {@link System#nanoTime()}). A loop with virtual time does
 * not sleep until its next timer: it moves its clock there at once, so long timeouts run instantly in tests. It still
 * parks, for real, when only another thread can bring work.
 *
 * <p>A loop with sockets waits in its {@link LoopSelector} instead of parking, and polls it once per iteration; the
 * selector is made when the first channel is registered, and its wake-up joins the same handshake. With virtual
 * time, the loop polls its sockets without waiting before it moves its clock, and waits in select only when no timer
 * is pending. See {@link LoopSelector}.
 *
 * <p>Everything but {@link #inbox}, {@link #parked}, {@link #thread}, {@link #closed} and {@link #selector} is
 * confined to the thread running the loop (or to the one thread using it while it is not running). A task woken by
 * a timer or another plain callback runs at once inside that callback; one woken from inside another task's code is
 * queued instead, so tasks never nest. Reports go through {@link Diagnostics}.
 */
public final class Loop {
    private static final ThreadLocal<Loop> RUNNING = new ThreadLocal<>();
    private static final AtomicInteger EXECUTOR_THREADS = new AtomicInteger();
    private static final AtomicInteger NAMES = new AtomicInteger();
    /** How long {@code Weft.run}'s clean-up waits for cancelled tasks before it names those still pending. */
    private static final String CLEANUP_WARNING_PROPERTY = "weft.cleanupWarningMillis";

    /**
     * How many callbacks of other threads one iteration runs at most: threads that feed the loop faster than it runs
     * their callbacks make each batch large, and timers and sockets wait for a whole batch.
     */
    static final int FOREIGN_BATCH = 1024;

    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    /** Callbacks taken from the inbox, oldest first, not yet moved to {@link #ready}. */
    private final ArrayDeque<Runnable> foreign = new ArrayDeque<>();
    private final TimerHeap timers = new TimerHeap(this);
    private final Inbox inbox = new Inbox();
    /** The tasks started by createTask and not done yet, each knowing its index: O(1) in and out, no entry objects. */
    private AbstractTask<?>[] tasks = new AbstractTask<?>[16];
    private int taskCount;
    final Diagnostics diagnostics = new Diagnostics(this);
    final Trampoline trampoline = new Trampoline();
    /** The ContextVar maps of this loop's tasks ({@link TaskContexts}); null until a variable is set in a task. */
    java.util.IdentityHashMap<AbstractTask<?>, java.util.Map<Object, Object>> contexts;
    /** Run when the loop closes: what must not wait for ever on a loop that will never run again. */
    private final Set<Runnable> closeHooks = new LinkedHashSet<>();
    private final String name = "event loop " + NAMES.incrementAndGet();
    private final LongSupplier clock;
    private final boolean virtualTime;
    private final long origin;
    private long virtualNow;
    private ExecutorService defaultExecutor;
    private volatile Thread thread;
    private volatile boolean parked;
    private boolean stopping;
    private volatile boolean closed;
    /** Made when the first channel is registered; read by other threads only to wake it. */
    private volatile LoopSelector selector;

    public Loop() {
        this(System::nanoTime, false);
    }

    /**
     * @param clock       monotonic nanoseconds
     * @param virtualTime move the clock to the next timer instead of waiting for it
     */
    public Loop(LongSupplier clock, boolean virtualTime) {
        this.clock = clock;
        this.virtualTime = virtualTime;
        this.origin = clock.getAsLong();
        this.virtualNow = origin;
    }

    // ---- the running loop of a thread -------------------------------------------------------------------------------

    /** The loop running on this thread; throws if there is none. */
    public static Loop running() {
        Loop loop = RUNNING.get();
        if (loop == null) {
            throw new IllegalStateException("no running event loop on thread " + Thread.currentThread().getName()
                    + ": call this from a task run by Weft.run(...) or EventLoop.runUntilComplete(...)");
        }
        return loop;
    }

    public static Loop runningOrNull() {
        return RUNNING.get();
    }

    public static AbstractTask<?> currentTaskOrNull() {
        Loop loop = RUNNING.get();
        return loop == null ? null : loop.trampoline.current;
    }

    // ---- running ----------------------------------------------------------------------------------------------------

    private void enter() {
        if (closed) {
            throw closedError();
        }
        if (thread != null) {
            throw new IllegalStateException(name + " is already running on thread " + thread.getName());
        }
        if (RUNNING.get() != null) {
            throw new IllegalStateException("another event loop is already running on this thread");
        }
        thread = Thread.currentThread();
        RUNNING.set(this);
    }

    private void exit() {
        RUNNING.remove();
        thread = null;
        stopping = false;
    }

    /**
     * Runs until {@code task} is done and returns its value, or throws its failure. As asyncio: the loop stops through
     * a done callback of the task, so the callbacks scheduled before the task completed still run, in order, first.
     */
    public Object runUntilComplete(AbstractTask<?> target) {
        enter();
        try {
            if (target.isNew()) {
                target.schedule(this);
            }
            Loop owner = target.loop;
            if (owner != null && owner != this) {
                if (!target.isDone()) {
                    throw new IllegalArgumentException(target + " belongs to another event loop (" + owner
                            + "): await it there, or hand its result over with runCoroutineThreadsafe or "
                            + "toCompletableFuture()");
                }
                return target.valueOrThrow();   // done on an earlier loop, perhaps closed: nothing to run
            }
            boolean[] finished = {false};
            target.addDoneCallback(t -> finished[0] = true);
            while (!finished[0]) {
                long wait = runOnce();
                if (finished[0]) {
                    break;
                }
                if (stopping) {
                    if (target.isDone()) {
                        break;
                    }
                    throw new IllegalStateException("the event loop stopped before " + target + " completed");
                }
                if (wait != 0) {
                    idle(wait);
                }
            }
        } finally {
            exit();
        }
        return target.valueOrThrow();
    }

    public void runForever() {
        enter();
        try {
            while (true) {
                long wait = runOnce();
                if (stopping) {
                    break;
                }
                if (wait != 0) {
                    idle(wait);
                }
            }
        } finally {
            exit();
        }
    }

    /**
     * One iteration: takes in the other threads' callbacks and the due timers, runs what is ready now, and returns
     * the nanoseconds the loop may wait: 0 if more is ready, -1 if only a wake-up can bring work.
     */
    long runOnce() {
        if (foreign.isEmpty()) {
            inbox.drainTo(foreign);
        }
        for (int n = Math.min(foreign.size(), FOREIGN_BATCH); n > 0; n--) {
            ready.add(foreign.poll());
        }
        LoopSelector io = selector;
        if (io != null) {
            io.poll(ready);
        }
        if (!timers.isEmpty()) {
            timers.pollDue(nanoTime(), ready);   // reading the clock costs more than a hand-off: only when needed
        }
        runReady();
        if (!ready.isEmpty() || !foreign.isEmpty() || !inbox.isEmpty()) {
            return 0;
        }
        if (timers.isEmpty()) {
            return -1;
        }
        return Math.max(1, timers.nextDeadline() - nanoTime());
    }

    /** Runs the callbacks ready now; those they add wait for the next pass. */
    private void runReady() {
        for (int n = ready.size(); n > 0; n--) {
            runCallback(ready.poll());
        }
    }

    private void runCallback(Runnable callback) {
        long start = diagnostics.debug() ? System.nanoTime() : 0;
        try {
            callback.run();
        } catch (Throwable failure) {
            diagnostics.report(new ExceptionContext("Exception in callback " + callback, failure, null));
        }
        if (start != 0) {
            diagnostics.ranFor(callback, System.nanoTime() - start);
        }
    }

    /** Waits {@code nanos} for work (or until woken, if negative); virtual time jumps to the next timer instead. */
    private void idle(long nanos) {
        LoopSelector io = selector;
        if (virtualTime && nanos > 0) {
            if (io == null || !io.pollReady(ready)) {
                virtualNow += nanos;
            }
            return;
        }
        waitForWork(nanos);
    }

    /** Parks (or waits in the selector) for real, {@code nanos} at most, or until woken if negative. */
    private void waitForWork(long nanos) {
        LoopSelector io = selector;
        parked = true;
        try {
            if (!inbox.isEmpty()) {
                return;
            }
            if (io != null && io.await(nanos, ready)) {
                return;
            }
            if (nanos < 0) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, nanos);
            }
        } finally {
            parked = false;
        }
    }

    /**
     * The clean-up's wait, which must wake by {@code nanos} to speak: as {@link #idle}, but a wait for another thread
     * (or a real-time wait past {@code nanos}) is bounded, in real time even on a virtual clock, which must not move.
     */
    private void idleAtMost(long wait, long nanos) {
        if (wait < 0 || (!virtualTime && wait > nanos)) {
            waitForWork(Math.max(1, nanos));
        } else {
            idle(wait);
        }
    }

    public void stop() {
        stopping = true;
    }

    public boolean isRunning() {
        return thread != null;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the loop: later submissions throw; what was accepted before runs once, on the calling thread, as the
     * loop's last pass (timers are dropped: their time will never come); close hooks run; the selector and the default
     * executor are shut; failures no one retrieved are reported. Closing twice is harmless.
     */
    public void close() {
        if (thread != null) {
            throw new IllegalStateException("cannot close a running event loop: stop it first");
        }
        if (closed) {
            return;
        }
        closed = true;
        ready.addAll(foreign);
        foreign.clear();
        inbox.seal(ready);
        timers.clear();
        Loop outer = RUNNING.get();   // close may be called from another loop's callback
        RUNNING.set(this);
        try {
            runReady();
        } finally {
            if (outer == null) {
                RUNNING.remove();
            } else {
                RUNNING.set(outer);
            }
            ready.clear();
        }
        for (Runnable hook : new ArrayList<>(closeHooks)) {
            hook.run();
        }
        closeHooks.clear();
        if (defaultExecutor != null) {
            defaultExecutor.shutdown();
        }
        if (selector != null) {
            selector.close();
        }
        diagnostics.close();
    }

    /** Registers {@code hook} to run when the loop closes; loop thread only. */
    public void whenClosed(Runnable hook) {
        closeHooks.add(hook);
    }

    /** Takes back a hook of {@link #whenClosed}. */
    public void notWhenClosed(Runnable hook) {
        closeHooks.remove(hook);
    }

    /**
     * Cancels the tasks still pending and runs the loop until they are done: {@code asyncio.run}'s clean-up. When
     * that takes longer than the warning time (5 s, or the {@value #CLEANUP_WARNING_PROPERTY} system property), the
     * tasks still pending are reported once, each with its method and where it is suspended: a task that catches the
     * cancellation and awaits again keeps the clean-up waiting, and would otherwise hang {@code run()} in silence.
     */
    public void cancelRemaining() {
        if (closed || taskCount == 0) {
            return;
        }
        List<AbstractTask<?>> cancelled = new ArrayList<>(registeredTasks());
        for (AbstractTask<?> task : new ArrayList<>(cancelled)) {   // cancelling unregisters
            task.cancel();
        }
        long warnAfter = Long.getLong(CLEANUP_WARNING_PROPERTY, 5_000L) * 1_000_000L;
        long warnAt = System.nanoTime() + warnAfter;
        boolean warned = false;
        enter();
        try {
            while (taskCount > 0) {
                long wait = runOnce();
                if (taskCount == 0) {
                    break;
                }
                long left = warnAt - System.nanoTime();
                if (!warned && left <= 0) {
                    warned = true;
                    diagnostics.reportStuckCleanUp(new ArrayList<>(registeredTasks()), warnAfter);
                }
                if (wait != 0) {
                    if (warned) {
                        idle(wait);
                    } else {
                        idleAtMost(wait, left);
                    }
                }
            }
        } finally {
            exit();
        }
        // As asyncio.run: a task that ended with an error instead of its cancellation is reported now, with the task.
        for (AbstractTask<?> task : cancelled) {
            if (task.hasFailed() && !task.wasCancelled() && (task.flags & TaskState.RETRIEVED) == 0) {
                Throwable failure = task.failure();
                task.markRetrieved();
                diagnostics.report(new ExceptionContext("unhandled exception during Weft.run() shutdown", failure,
                        task));
            }
        }
    }

    // ---- scheduling -------------------------------------------------------------------------------------------------

    /** Schedules {@code task}, which must be new, to start on this loop; loop thread only. */
    public void createTask(AbstractTask<?> task) {
        if (closed) {
            throw closedError();
        }
        if (task.isNew()) {
            if (eagerTasks) {
                task.scheduleEagerly(this);
            } else {
                task.schedule(this);
            }
        } else if (task.loop != null && task.loop != this) {
            throw new IllegalArgumentException(task + " belongs to another event loop (" + task.loop
                    + "): a task runs on the loop that started it; await it from a task of this loop instead");
        }
    }

    /** Whether every task this loop is given to create starts eagerly (asyncio's eager task factory). */
    private boolean eagerTasks;

    /** Makes every later {@link #createTask} start its task eagerly, or stops doing so. Loop thread only. */
    public void setEagerTasks(boolean eager) {
        eagerTasks = eager;
    }

    /** As {@link #createTask}, starting a coroutine eagerly: it runs to its first suspension before this returns. */
    public void createEagerTask(AbstractTask<?> task) {
        if (closed) {
            throw closedError();
        }
        if (task.isNew()) {
            task.scheduleEagerly(this);
        } else {
            createTask(task);
        }
    }

    /** Schedules {@code callback} for the next iteration: the public {@code callSoon}, which checks its caller. */
    public void callSoon(Runnable callback) {
        if (closed) {
            throw closedError();
        }
        checkThread("callSoon");
        if (!foreign.isEmpty() || !inbox.isEmpty()) {
            takeForeignInOrder();
        }
        ready.add(callback);
    }

    /**
     * Moves every callback other threads have scheduled ahead of one the loop's own code schedules now, so that
     * {@code callSoon} and {@code callSoonThreadsafe} keep one FIFO order (a threadsafe call that happened before a
     * callSoon runs before it, as asyncio's single ready queue does). Off the hand-off path: only user callSoon calls
     * it, and only when another thread has scheduled something not yet taken in.
     */
    private void takeForeignInOrder() {
        inbox.drainTo(foreign);
        for (Runnable r; (r = foreign.poll()) != null; ) {
            ready.add(r);
        }
    }

    /**
     * Refuses a loop-thread-only call ({@code what}) made from another thread while the loop runs: the loop's state
     * is confined to its thread.
     */
    public void checkThread(String what) {
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            throw new IllegalStateException(what + " called from thread " + Thread.currentThread().getName()
                    + " while the loop runs on " + t.getName() + ": use callSoonThreadsafe");
        }
    }

    /** Queues {@code callback} for the next iteration, from the loop's own code; no checks. */
    void enqueue(Runnable callback) {
        ready.add(callback);
    }

    public TimerHandle callLater(long delayNanos, Runnable callback) {
        if (closed) {
            throw closedError();
        }
        checkThread("callLater");
        return schedule(delayNanos, callback);
    }

    /** A timer at the loop time {@code when} (seconds, as {@link #time()}): asyncio's {@code call_at}. */
    public TimerHandle callAt(double when, Runnable callback) {
        if (closed) {
            throw closedError();
        }
        checkThread("callAt");
        return timers.add(nanoTimeAt(when), callback);
    }

    /**
     * Delays are kept within 2^61 ns (73 years) either way: the timer heap compares deadlines by subtraction, which
     * stays exact for any two deadlines that close to the present.
     */
    private static final long MAX_DELAY = 1L << 61;

    private static long clampDelay(long delayNanos) {
        return Math.max(-MAX_DELAY, Math.min(MAX_DELAY, delayNanos));
    }

    /** The clock reading at loop time {@code when} (seconds, as {@link #time()}), clamped as a delay is. */
    long nanoTimeAt(double when) {
        if (Double.isNaN(when)) {
            throw new IllegalArgumentException("loop time is NaN");
        }
        long now = nanoTime();
        double delay = when * 1e9 - (now - origin);
        return now + clampDelay(delay >= MAX_DELAY ? MAX_DELAY : delay <= -MAX_DELAY ? -MAX_DELAY : (long) delay);
    }

    /**
     * A timer {@code delayNanos} from now. A negative delay is a deadline in the past: due at once, and ordered among
     * other past deadlines by how far in the past, as asyncio's {@code call_later(-2)} runs before {@code call_later(-1)}.
     */
    TimerHeap.Timer schedule(long delayNanos, Runnable callback) {
        return timers.add(nanoTime() + clampDelay(delayNanos), callback);
    }

    /** Runs {@code task} (which must be a Runnable) as a callback in {@code delayNanos}. */
    void addTimer(long delayNanos, AbstractTask<?> task) {
        timers.add(task, nanoTime() + delayNanos);
    }

    /** Takes a task scheduled with {@link #addTimer} off the timers, if it is still there. */
    void removeTimer(AbstractTask<?> task) {
        timers.remove(task);
    }

    /** From any thread. @throws IllegalStateException if the loop is closed */
    public void callSoonThreadsafe(Runnable callback) {
        inbox.push(callback);
        if (parked) {
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
            LoopSelector io = selector;
            if (io != null) {
                io.wakeup();
            }
        }
    }

    private static IllegalStateException closedError() {
        return new IllegalStateException("the event loop is closed");
    }

    /** The loop's selector, made on first use, so that loops without sockets pay nothing. Loop thread only. */
    @SuppressWarnings("exports") // for dev.weft.internal.io, in this module; woven code never calls it
    public LoopSelector selector() {
        LoopSelector io = selector;
        if (io == null) {
            if (closed) {
                throw closedError();
            }
            io = LoopSelector.open();
            selector = io;
        }
        return io;
    }

    /**
     * Resumes a woken task: at once from a plain callback of the running loop, queued from inside a task's code or
     * while the loop is not running, handed over from another thread while it runs there.
     */
    void resume(Runnable task) {
        Thread t = thread;
        if (t == Thread.currentThread()) {
            if (trampoline.inTask()) {
                ready.add(task);
            } else {
                task.run();
            }
        } else if (t == null) {
            ready.add(task);
        } else {
            callSoonThreadsafe(task);
        }
    }

    public double time() {
        return seconds(nanoTime());
    }

    long nanoTime() {
        return virtualTime ? virtualNow : clock.getAsLong();
    }

    double seconds(long nanoTime) {
        return (nanoTime - origin) / 1e9;
    }

    // ---- threads ----------------------------------------------------------------------------------------------------

    /**
     * The executor of {@code toThread}: virtual threads where the JDK has them, otherwise a cached pool of daemon
     * threads. Shut down when the loop closes.
     */
    Executor defaultExecutor() {
        if (defaultExecutor == null) {
            defaultExecutor = newDefaultExecutor();
        }
        return defaultExecutor;
    }

    private static ExecutorService newDefaultExecutor() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException beforeJava21) {
            return Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "weft-to-thread-" + EXECUTOR_THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    // ---- diagnostics and bookkeeping ----------------------------------------------------------------------------------

    /** What the loop reports and to whom. */
    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** A copy of the tasks started by createTask and not done yet, in no particular order. */
    public List<AbstractTask<?>> pendingTasks() {
        return new ArrayList<>(registeredTasks());
    }

    /** The registered tasks, as a view: copy it before anything may register or unregister a task. */
    private List<AbstractTask<?>> registeredTasks() {
        return Arrays.asList(tasks).subList(0, taskCount);
    }

    void register(AbstractTask<?> task) {
        if (taskCount == tasks.length) {
            tasks = Arrays.copyOf(tasks, taskCount * 2);
        }
        task.registryIndex = taskCount;
        tasks[taskCount++] = task;
    }

    /** Takes {@code task} out of the registry: the last task moves into its place. */
    void unregister(AbstractTask<?> task) {
        int i = task.registryIndex;
        task.registryIndex = -1;
        AbstractTask<?> last = tasks[--taskCount];
        tasks[taskCount] = null;
        if (i != taskCount) {
            tasks[i] = last;
            last.registryIndex = i;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
