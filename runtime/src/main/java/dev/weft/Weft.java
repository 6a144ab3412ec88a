package dev.weft;

import dev.weft.internal.AbstractTask;
import dev.weft.internal.DoneTask;
import dev.weft.internal.Loop;
import dev.weft.internal.Tasks;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * asyncio's module functions. Use with {@code import static dev.weft.Weft.*;}.
 */
public final class Weft {
    private Weft() {
    }

    /**
     * Suspends the calling {@link Async} method until {@code task} is done, then returns its value or throws its
     * exception unwrapped (the same instance). A task that has not started runs at once inside the caller, with no
     * trip through the loop; a task that is done gives its outcome without suspending. If the caller is cancelled
     * while suspended here, this throws {@link java.util.concurrent.CancellationException} and {@code task} is
     * cancelled too.
     *
     * <p>Only valid inside an {@link Async} method of a woven class: the weaver replaces this call. Reached in code
     * that was not woven, it throws {@link IllegalStateException} naming the class and method; it never blocks.
     */
    public static <T> T await(Task<T> task) {
        throw Tasks.unwovenAwait();
    }

    /**
     * Suspends the calling {@link Async} method until {@code stage} completes, then returns its value or throws its
     * exception, with a {@link java.util.concurrent.CompletionException} or
     * {@link java.util.concurrent.ExecutionException} wrapper removed. The caller resumes on its loop's thread,
     * whichever thread completes the stage. Cancelling the caller does not cancel the stage.
     *
     * <p>Same weaving rule as {@link #await(Task)}.
     */
    public static <T> T await(CompletionStage<T> stage) {
        throw Tasks.unwovenAwait();
    }

    /** Returns a task that is done with {@code value}: the way an {@link Async} method returns. */
    public static <T> Task<T> done(T value) {
        return new DoneTask<>(value);
    }

    /** Returns a task that is done with no value: the way an {@link Async} method of {@code Task<Void>} returns. */
    public static Task<Void> done() {
        return DoneTask.VOID;
    }

    /**
     * asyncio's {@code run}: creates a loop on the calling thread, runs {@code task} to completion, cancels the tasks
     * that remain and waits for them to finish, then closes the loop. Returns the task's value or throws its exception
     * unwrapped.
     *
     * @throws IllegalStateException if a loop is already running on this thread
     */
    public static <T> T run(Task<T> task) {
        return EventLoop.runFresh(task, EventLoop::newEventLoop);
    }

    /**
     * As {@link #run(Task)}, on a loop made by {@code loopFactory}: asyncio's {@code run(coro, loop_factory=...)}.
     * For example {@code run(main(), EventLoop::newVirtualTimeLoop)} runs a program's timers in virtual time.
     */
    public static <T> T run(Task<T> task, java.util.function.Supplier<? extends EventLoop> loopFactory) {
        return EventLoop.runFresh(task, loopFactory);
    }

    /**
     * Schedules {@code task} on the running loop to start soon, and returns it: asyncio's {@code create_task}.
     *
     * @throws IllegalStateException if no loop is running on this thread
     */
    public static <T> Task<T> createTask(Task<T> task) {
        return EventLoop.current().createTask(task);
    }

    /**
     * As {@link #createTask(Task)}, starting the task eagerly: it runs until its first suspension before this returns
     * (asyncio 3.12's eager tasks). See {@link EventLoop#createEagerTask(Task)}.
     *
     * @throws IllegalStateException if no loop is running on this thread
     */
    public static <T> Task<T> createEagerTask(Task<T> task) {
        return EventLoop.current().createEagerTask(task);
    }

    /**
     * Returns a task that completes {@code millis} milliseconds after it starts, never earlier: asyncio's
     * {@code sleep}. {@code sleep(0)} yields once: the awaiting task resumes in the next loop iteration. Cancelling the
     * task removes its timer.
     *
     * @throws IllegalArgumentException if {@code millis} is negative
     */
    public static Task<Void> sleep(long millis) {
        return Tasks.sleep(millis, null);
    }

    /** As {@link #sleep(long)}, with a {@link Duration}. */
    public static Task<Void> sleep(Duration duration) {
        return Tasks.sleep(duration, null);
    }

    /** asyncio's {@code sleep(delay, result)}: as {@link #sleep(long)}, completing with {@code result}. */
    public static <T> Task<T> sleep(long millis, T result) {
        return Tasks.sleep(millis, result);
    }

    /** As {@link #sleep(long, Object)}, with a {@link Duration}. */
    public static <T> Task<T> sleep(Duration duration, T result) {
        return Tasks.sleep(duration, result);
    }

    // ---- running tasks together -------------------------------------------------------------------------------

    /**
     * asyncio's {@code gather}: a task that completes with the results of {@code tasks}, in the order given. When it
     * starts (awaited or scheduled), the tasks that have not started are scheduled. The first failure completes it at
     * once with that exception (the others go on). Cancelling it cancels every task.
     */
    @SafeVarargs
    public static <T> Task<List<T>> gather(Task<? extends T>... tasks) {
        return Tasks.gather(Arrays.asList(tasks));
    }

    /** As {@link #gather(Task[])}, for a collection. */
    public static <T> Task<List<T>> gather(Collection<? extends Task<? extends T>> tasks) {
        return Tasks.gather(tasks);
    }

    /**
     * asyncio's {@code gather(..., return_exceptions=True)}: waits for every task and gives each one's {@link Outcome},
     * value or exception, in the order given; it never fails because of them.
     */
    @SafeVarargs
    public static <T> Task<List<Outcome<T>>> gatherOutcomes(Task<? extends T>... tasks) {
        return Tasks.gatherOutcomes(Arrays.asList(tasks));
    }

    /** As {@link #gatherOutcomes(Task[])}, for a collection. */
    public static <T> Task<List<Outcome<T>>> gatherOutcomes(Collection<? extends Task<? extends T>> tasks) {
        return Tasks.gatherOutcomes(tasks);
    }

    /**
     * asyncio's {@code as_completed}: schedules {@code tasks} now and returns one task per distinct input; each, once
     * awaited, completes with the outcome of the next input to finish that no task awaited before it took, so the
     * outcomes come in completion order in the order the tasks are awaited. Iterating again resumes where the last
     * iteration stopped. Loop thread only.
     */
    public static <T> Iterable<Task<T>> asCompleted(Collection<? extends Task<? extends T>> tasks) {
        return Tasks.asCompleted(tasks, -1);
    }

    /**
     * As {@link #asCompleted(Collection)}; the tasks given out that are not done {@code timeout} after this call fail
     * with {@link AsyncTimeoutException}. The inputs are not cancelled.
     */
    public static <T> Iterable<Task<T>> asCompleted(Collection<? extends Task<? extends T>> tasks, Duration timeout) {
        return Tasks.asCompleted(tasks, timeout.toNanos());
    }

    /**
     * asyncio's {@code wait_for}: a task that completes as {@code task} does, unless {@code timeout} passes first; then
     * {@code task} is cancelled and, once it has finished cancelling, this fails with {@link AsyncTimeoutException}.
     * Cancelling it cancels {@code task}. The timeout exception's cause is the cancellation {@code task} finished with.
     * A {@code null} timeout waits as long as it takes (asyncio's {@code wait_for(aw, None)}); a negative one is zero.
     */
    public static <T> Task<T> waitFor(Task<T> task, Duration timeout) {
        return Tasks.waitFor(task, timeout);
    }

    /**
     * asyncio's {@code wait} (renamed: {@code wait} is a method of {@link Object}): a task that completes with the done
     * and pending tasks once {@code returnWhen} holds. It never cancels the tasks and never fails because of them.
     *
     * @throws IllegalArgumentException if {@code tasks} is empty
     */
    public static <T> Task<WaitResult<T>> waitTasks(Collection<? extends Task<? extends T>> tasks,
                                                    ReturnWhen returnWhen) {
        return Tasks.waitTasks(tasks, returnWhen, -1);
    }

    /** As {@link #waitTasks(Collection, ReturnWhen)}, answering with the sets as they are after {@code timeout}. */
    public static <T> Task<WaitResult<T>> waitTasks(Collection<? extends Task<? extends T>> tasks,
                                                    ReturnWhen returnWhen, Duration timeout) {
        return Tasks.waitTasks(tasks, returnWhen, timeout.toNanos());
    }

    /**
     * asyncio's {@code shield}: a task that completes as {@code task} does, but cancelling it does not cancel
     * {@code task}.
     */
    public static <T> Task<T> shield(Task<T> task) {
        return Tasks.shield(task);
    }

    /**
     * asyncio's {@code timeout}: a scope, for try-with-resources in an {@link Async} method, after which a pending
     * await throws {@link AsyncTimeoutException}. {@code null} opens a scope with no deadline, which
     * {@link Timeout#reschedule(Duration)} may give one later. See {@link Timeout}.
     *
     * @throws IllegalStateException outside an {@link Async} method running on a loop
     */
    public static Timeout timeout(Duration delay) {
        return Timeout.open(delay);
    }

    /**
     * asyncio's {@code timeout_at}: as {@link #timeout(Duration)}, with the deadline given as a loop time in seconds
     * ({@link EventLoop#time()}). A time already past expires the scope in the next iteration.
     *
     * @throws IllegalStateException outside an {@link Async} method running on a loop
     */
    public static Timeout timeoutAt(double when) {
        return Timeout.openAt(when);
    }

    // ---- threads ----------------------------------------------------------------------------------------------------

    /**
     * asyncio's {@code to_thread}: a task that, once started, runs the blocking {@code call} on the loop's default
     * executor (virtual threads where the JDK has them) and completes, on the loop thread, with its result or its
     * exception. Cancelling the task does not stop the call.
     */
    public static <T> Task<T> toThread(Callable<T> call) {
        return Tasks.onThread(call, null);
    }

    /**
     * asyncio's {@code run_coroutine_threadsafe}: for a thread that is not {@code loop}'s, schedules {@code task} on
     * {@code loop} and returns a future of its outcome. Cancelling the future cancels the task.
     */
    public static <T> CompletableFuture<T> runCoroutineThreadsafe(Task<T> task, EventLoop loop) {
        return loop.submitThreadsafe(task);
    }

    // ---- networking -------------------------------------------------------------------------------------------------

    /**
     * asyncio's {@code open_connection}: a task that connects to {@code host:port} over TCP and completes with the
     * connection's reader and writer. Like a coroutine it does nothing until it starts (awaited or scheduled); it then
     * runs on that loop, which owns the connection from then on. A host that is not an IP literal is resolved on the
     * loop's default executor, so the loop thread never blocks on a lookup; the first address is used.
     *
     * <p>Fails with a {@link java.io.UncheckedIOException} naming the address and what happened (its cause a
     * {@link java.net.ConnectException} when the connection is refused, an {@link java.net.UnknownHostException} when
     * the host cannot be resolved). Cancelling it while it connects closes the socket; if it is cancelled after it
     * connected, before the awaiting task resumed, the connection is closed.
     *
     * @throws IllegalArgumentException if the port is out of range
     */
    public static Task<Connection> openConnection(String host, int port) {
        return Tasks.openConnection(host, port, StreamReader.DEFAULT_LIMIT);
    }

    /** As {@link #openConnection(String, int)}, with the reader's {@code limit} (asyncio's {@code limit=}). */
    public static Task<Connection> openConnection(String host, int port, int limit) {
        return Tasks.openConnection(host, port, limit);
    }

    /**
     * asyncio's {@code start_server}: a task that binds a TCP server to {@code host:port} (port 0: a free port, see
     * {@link Server#port()}) and completes with the {@link Server}, already accepting. For each connection, on the
     * loop thread, {@code handler} is called with the connection's reader and writer and its task is scheduled. Like
     * a coroutine it does nothing until it starts, and its loop is the one that awaits it.
     *
     * <p>Fails with a {@link java.io.UncheckedIOException} naming the address if it cannot listen there (its cause a
     * {@link java.net.BindException} when the address is in use). Cancelled after it bound, before the awaiting task
     * resumed, it closes the server.
     */
    public static Task<Server> startServer(ConnectionHandler handler, String host, int port) {
        return Tasks.startServer(handler, host, port, StreamReader.DEFAULT_LIMIT);
    }

    /** As {@link #startServer(ConnectionHandler, String, int)}, with each reader's {@code limit}. */
    public static Task<Server> startServer(ConnectionHandler handler, String host, int port, int limit) {
        return Tasks.startServer(handler, host, port, limit);
    }

    /**
     * asyncio's {@code create_datagram_endpoint(local_addr=(host, port))}: a task that binds a UDP socket to
     * {@code host:port} (port 0: a free port) and completes with a {@link DatagramEndpoint} that sends with
     * {@link DatagramEndpoint#send} and receives with an awaitable {@link DatagramEndpoint#receive()}. Does nothing
     * until it starts. Fails with a {@link java.io.UncheckedIOException} naming the address if it cannot bind.
     */
    public static Task<DatagramEndpoint> openDatagramEndpoint(String host, int port) {
        return Tasks.openDatagramEndpoint(host, port);
    }

    /** Returns the task whose code is running on this thread's loop, or null outside a task. */
    public static Task<?> currentTask() {
        AbstractTask<?> current = Loop.currentTaskOrNull();
        return current;
    }
}
