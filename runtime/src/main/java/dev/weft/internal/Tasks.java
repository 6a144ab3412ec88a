package dev.weft.internal;

import dev.weft.ConnectionHandler;
import dev.weft.Connection;
import dev.weft.DatagramEndpoint;
import dev.weft.Outcome;
import dev.weft.ReturnWhen;
import dev.weft.Server;
import dev.weft.Task;
import dev.weft.WaitResult;
import dev.weft.internal.io.Connector;
import dev.weft.internal.io.ListeningServer;
import dev.weft.internal.io.UdpEndpoint;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * The seam between the API ({@code dev.weft}) and the kinds of task behind it: every task the API makes, it makes
 * here. Besides this class, {@code dev.weft} uses only {@link AbstractTask} (what a task is), {@link LoopFuture} and
 * {@link WaiterQueue} (what its primitives wait with), {@link DoneTask} and {@link Loop} (the scheduler behind
 * {@code EventLoop}); the kinds themselves (sleeps, combinators, thread calls, stream operations) stay behind it.
 */
public final class Tasks {
    private Tasks() {
    }

    public static <T> Task<T> sleep(long millis, T result) {
        return new Sleep<>(Sleep.nanosOf(millis), result);
    }

    public static <T> Task<T> sleep(Duration delay, T result) {
        return new Sleep<>(Sleep.nanosOf(delay), result);
    }

    public static <T> Task<List<T>> gather(Collection<? extends Task<? extends T>> tasks) {
        return Gather.values(tasks);
    }

    public static <T> Task<List<Outcome<T>>> gatherOutcomes(Collection<? extends Task<? extends T>> tasks) {
        return Gather.outcomes(tasks);
    }

    /** @param timeoutNanos negative for none */
    public static <T> Iterable<Task<T>> asCompleted(Collection<? extends Task<? extends T>> tasks, long timeoutNanos) {
        return new AsCompleted<>(Loop.running(), tasks, timeoutNanos);
    }

    /** @param timeout null for none; a negative one is taken as zero */
    public static <T> Task<T> waitFor(Task<T> task, Duration timeout) {
        return new WaitFor<>(task, timeout == null ? -1 : Math.max(0, timeout.toNanos()));
    }

    /** @param timeoutNanos negative for none */
    public static <T> Task<WaitResult<T>> waitTasks(Collection<? extends Task<? extends T>> tasks, ReturnWhen when,
                                                    long timeoutNanos) {
        return new WaitTasks<>(tasks, when, timeoutNanos);
    }

    public static <T> Task<T> shield(Task<T> task) {
        return new Shield<>(task);
    }

    /** @param executor null for the loop's default executor */
    public static <T> Task<T> onThread(Callable<T> call, Executor executor) {
        return new ThreadTask<>(call, executor);
    }

    public static Task<Connection> openConnection(String host, int port, int limit) {
        return Connector.openConnection(host, port, limit);
    }

    public static Task<Server> startServer(ConnectionHandler handler, String host, int port, int limit) {
        return ListeningServer.startServer(handler, host, port, limit);
    }

    public static Task<DatagramEndpoint> openDatagramEndpoint(String host, int port) {
        return UdpEndpoint.open(host, port);
    }

    /**
     * How the runtime reaches the task behind a {@link dev.weft.Future} (a public class that holds a LoopFuture but
     * cannot expose it): the future class hands this accessor over when it is initialized, before any future exists.
     */
    private static java.util.function.Function<Object, AbstractTask<?>> futureState;

    public static void setFutureState(java.util.function.Function<Object, AbstractTask<?>> accessor) {
        if (futureState != null) {
            throw new IllegalStateException("the future accessor is set already");
        }
        futureState = accessor;
    }

    /** The task behind {@code future}, a {@link dev.weft.Future}. */
    static AbstractTask<?> stateOf(Object future) {
        return futureState.apply(future);
    }

    /** The ContextVar map of the running code ({@link TaskContexts}). */
    public static java.util.Map<Object, Object> currentContext() {
        return TaskContexts.current();
    }

    /** Replaces the ContextVar map of the running code. */
    public static void replaceContext(java.util.Map<Object, Object> context) {
        TaskContexts.replace(context);
    }

    /** The error of {@code Weft.await} reached in code that was not woven. */
    public static IllegalStateException unwovenAwait() {
        return UnwovenAwait.error();
    }

    /** Whether {@code task} runs the body of an {@code @Async} method (what a timeout scope needs). */
    public static boolean isCoroutine(AbstractTask<?> task) {
        return task instanceof Coroutine;
    }
}
