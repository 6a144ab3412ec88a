package dev.weft.internal;

import dev.weft.EventLoop;
import dev.weft.ExceptionContext;
import dev.weft.ExceptionHandler;
import dev.weft.Task;
import dev.weft.TimerHandle;
import dev.weft.internal.io.LoopSelector;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Weft's event loop.
 *
 * <p>Implementation overview. Three sources feed the ready queue: callbacks of the loop thread ({@link #callSoon}),
 * timers ({@link TimerHeap}) and callbacks from other threads ({@link #inbox}). One iteration ({@link #runOnce()})
 * moves the inbox and the due timers into the ready queue, runs the callbacks that are ready at that moment (those
 * they schedule wait for the next iteration), and returns how long the loop may sleep: zero when work is ready, the
 * time to the next timer, or -1 for "until woken". The loop then parks its thread; {@link #callSoonThreadsafe} unparks
 * it. Parking and the inbox form a Dekker handshake on {@link #parked} and the queue, so a wake-up is never lost.
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
 * <p>Everything but {@link #inbox}, {@link #parked}, {@link #thread} and {@link #selector} is confined
 * to the thread running the loop.
 * A coroutine woken by a timer or another plain callback runs at once inside that callback; one woken from inside
 * another task's code is scheduled instead, so tasks never nest. Reports go through {@link Diagnostics}.
 */
public final class Loop extends EventLoop {
    private static final ThreadLocal<Loop> RUNNING = new ThreadLocal<>();
    private static final AtomicInteger EXECUTOR_THREADS = new AtomicInteger();

    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    private final TimerHeap timers = new TimerHeap(this);
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    /** The tasks started by createTask and not done yet, each knowing its index: O(1) in and out, no entry objects. */
    private AbstractTask<?>[] tasks = new AbstractTask<?>[16];
    private int taskCount;
    final Diagnostics diagnostics = new Diagnostics(this);
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
    /** The task whose code is running, or null in a plain callback. */
    AbstractTask<?> currentTask;
    /** Coroutines started inline, one inside the other, on the Java stack right now. */
    int inlineDepth;
    /** A coroutine the running one awaited too deep to start inline: its trampoline starts it next. */
    Coroutine<?> deferredStart;

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
        return loop == null ? null : loop.currentTask;
    }

    /** {@code Weft.run}: a fresh loop for one task, cleaned up after it. */
    public static <T> T runFresh(Task<T> task, java.util.function.Supplier<? extends EventLoop> loopFactory) {
        if (RUNNING.get() != null) {
            throw new IllegalStateException("Weft.run() cannot be called from a running event loop: "
                    + "await the task, or use createTask(...)");
        }
        EventLoop made = loopFactory.get();
        if (!(made instanceof Loop)) {
            throw new IllegalArgumentException("the loop factory must make loops with EventLoop.newEventLoop(...) "
                    + "or EventLoop.newVirtualTimeLoop(), not " + made);
        }
        Loop loop = (Loop) made;
        try {
            return loop.runUntilComplete(task);
        } finally {
            try {
                loop.cancelRemaining();
            } finally {
                loop.close();
            }
        }
    }

    // ---- running ----------------------------------------------------------------------------------------------------

    private void enter() {
        if (closed) {
            throw new IllegalStateException("the event loop is closed");
        }
        if (thread != null) {
            throw new IllegalStateException("the event loop is already running on thread " + thread.getName());
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
     * As asyncio: the loop stops through a done callback of the task, so the callbacks that were scheduled before the
     * task completed still run, in order, before this returns.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T runUntilComplete(Task<T> task) {
        enter();
        AbstractTask<?> target;
        try {
            target = AbstractTask.of(task);
            if (target.isNew()) {
                target.schedule(this);
            }
            Loop owner = target.loop;
            if (owner != null && owner != this) {
                if (!target.isDone()) {
                    throw new IllegalArgumentException(target + " belongs to another event loop: await it there, "
                            + "or hand its result over with runCoroutineThreadsafe or toCompletableFuture()");
                }
                return (T) target.valueOrThrow();   // done on an earlier loop, perhaps closed: nothing to run
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
        return (T) target.valueOrThrow();
    }

    @Override
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
        Runnable r;
        while ((r = inbox.poll()) != null) {
            ready.add(r);
        }
        LoopSelector io = selector;
        if (io != null) {
            io.poll(ready);
        }
        if (!timers.isEmpty()) {
            timers.pollDue(nanoTime(), ready);   // reading the clock costs more than a hand-off: only when needed
        }
        for (int n = ready.size(); n > 0; n--) {
            runCallback(ready.poll());
        }
        if (!ready.isEmpty() || !inbox.isEmpty()) {
            return 0;
        }
        if (timers.isEmpty()) {
            return -1;
        }
        return Math.max(1, timers.nextDeadline() - nanoTime());
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

    @Override
    public void stop() {
        stopping = true;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (thread != null) {
            throw new IllegalStateException("cannot close a running event loop: stop it first");
        }
        if (closed) {
            return;
        }
        closed = true;
        ready.clear();
        inbox.clear();
        timers.clear();
        if (defaultExecutor != null) {
            defaultExecutor.shutdown();
        }
        if (selector != null) {
            selector.close();
        }
        diagnostics.close();
    }

    /** Cancels the tasks still pending and runs the loop until they are done; {@code asyncio.run}'s clean-up. */
    void cancelRemaining() {
        if (closed || taskCount == 0) {
            return;
        }
        for (AbstractTask<?> task : new ArrayList<>(registeredTasks())) {   // cancelling unregisters
            task.cancel();
        }
        enter();
        try {
            while (taskCount > 0) {
                long wait = runOnce();
                if (taskCount > 0 && wait != 0) {
                    idle(wait);
                }
            }
        } finally {
            exit();
        }
    }

    // ---- scheduling -------------------------------------------------------------------------------------------------

    @Override
    public <T> Task<T> createTask(Task<T> task) {
        if (closed) {
            throw new IllegalStateException("the event loop is closed");
        }
        if (task instanceof AbstractTask && ((AbstractTask<?>) task).isNew()) {
            ((AbstractTask<?>) task).schedule(this);
        }
        return task;
    }

    @Override
    public <T> Task<T> createTask(Task<T> task, String name) {
        if (task instanceof AbstractTask) {
            ((AbstractTask<?>) task).setName(name);
        }
        return createTask(task);
    }

    @Override
    public void callSoon(Runnable callback) {
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            throw new IllegalStateException("callSoon called from thread " + Thread.currentThread().getName()
                    + " while the loop runs on " + t.getName() + ": use callSoonThreadsafe");
        }
        ready.add(callback);
    }

    @Override
    public TimerHandle callLater(Duration delay, Runnable callback) {
        return schedule(Math.max(0, delay.toNanos()), callback);
    }

    TimerHeap.Timer schedule(long delayNanos, Runnable callback) {
        return timers.add(nanoTime() + delayNanos, callback);
    }

    /** Runs {@code task} (a {@link Sleep} or a {@link Coroutine}) as a callback in {@code delayNanos}. */
    void addTimer(long delayNanos, AbstractTask<?> task) {
        timers.add(task, nanoTime() + delayNanos);
    }

    /** Takes a task scheduled with {@link #addTimer} off the timers, if it is still there. */
    void removeTimer(AbstractTask<?> task) {
        timers.remove(task);
    }

    @Override
    public void callSoonThreadsafe(Runnable callback) {
        inbox.add(callback);
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

    /** The loop's selector, made on first use, so that loops without sockets pay nothing. Loop thread only. */
    @SuppressWarnings("exports") // for dev.weft.internal.io, in this module; woven code never calls it
    public LoopSelector selector() {
        LoopSelector io = selector;
        if (io == null) {
            if (closed) {
                throw new IllegalStateException("the event loop is closed");
            }
            io = LoopSelector.open();
            selector = io;
        }
        return io;
    }

    /** Resumes coroutine {@code c}: at once from a plain callback, through the ready queue from inside a task. */
    void wake(Coroutine<?> c) {
        if (thread != Thread.currentThread()) {
            callSoonThreadsafe(c);
        } else if (currentTask == null) {
            c.run();
        } else {
            ready.add(c);
        }
    }

    @Override
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

    @Override
    public <T> Task<T> runInExecutor(Executor executor, Callable<T> call) {
        return createTask(new ThreadTask<>(call, executor));
    }

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

    // ---- diagnostics ------------------------------------------------------------------------------------------------

    @Override
    public void setExceptionHandler(ExceptionHandler handler) {
        diagnostics.setHandler(handler);
    }

    @Override
    public ExceptionHandler exceptionHandler() {
        return diagnostics.handler();
    }

    @Override
    public void callExceptionHandler(ExceptionContext context) {
        diagnostics.report(context);
    }

    @Override
    public void setDebug(boolean enabled) {
        diagnostics.setDebug(enabled);
    }

    @Override
    public boolean isDebug() {
        return diagnostics.debug();
    }

    @Override
    public void setSlowCallbackDuration(Duration duration) {
        diagnostics.setSlowCallbackNanos(duration.toNanos());
    }

    // ---- bookkeeping ------------------------------------------------------------------------------------------------

    @Override
    public Set<Task<?>> allTasks() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(registeredTasks()));
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

    Coroutine<?> takeDeferredStart() {
        Coroutine<?> next = deferredStart;
        deferredStart = null;
        return next;
    }

    /** In debug mode, a coroutine created while this loop runs is remembered until it starts. */
    static void created(Coroutine<?> coroutine) {
        Loop loop = RUNNING.get();
        if (loop != null && loop.diagnostics.debug()) {
            loop.diagnostics.created(coroutine);
        }
    }
}
