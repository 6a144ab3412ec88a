package dev.weft.conformance.stress;

import dev.weft.Async;
import dev.weft.AsyncTimeoutException;
import dev.weft.EventLoop;
import dev.weft.Event;
import dev.weft.Outcome;
import dev.weft.Task;
import dev.weft.TaskGroup;
import dev.weft.TaskGroupException;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;

import static dev.weft.Weft.*;

/**
 * What one stress run shares, whatever the primitive: its workers, how they are started, the chaos that cancels them,
 * the bookkeeping of injected failures, and the invariants broken so far. Loop thread only.
 *
 * <p>Workers are started in batches, each batch in one of three ways chosen at random, so that their own ends are
 * observed through different paths too: by {@code createTask} (the scenario retrieves their outcomes with
 * {@code gatherOutcomes} at the end), as members of a {@link TaskGroup} (whose first failure cancels the other
 * members; the failures come back in the group's {@link TaskGroupException}), or awaited by a runner task through
 * {@code gatherOutcomes}. Every worker's failure must be observed exactly once by those paths, and the loop's
 * exception handler must report nothing ("never retrieved" would mean a failure escaped all of them).
 *
 * <p>Cancellations come from three sides: {@link #chaos} cancels a random live worker every few (virtual)
 * milliseconds; {@link #cancelGranted} cancels a worker whose operation was just granted, before it can resume (the
 * window the runtime must get right); and the workers' own timeouts. Deadlocks are found in virtual time: the
 * scenario waits for its workers with a timeout of an hour, which on a virtual-time loop passes at once if nothing
 * else is scheduled, so a lost wake-up fails the run with the workers' states instead of hanging it.
 */
final class Scenario {
    /** A failure a worker throws on purpose, identified so that each one can be counted where it is observed. */
    static final class InjectedFailure extends RuntimeException {
        final int id;

        InjectedFailure(int id) {
            super("injected failure " + id, null, false, false);
            this.id = id;
        }
    }

    /** One worker: its task, and what it waits in (for the chaos and for messages). */
    static final class Worker {
        final int id;
        final int role;
        final Random rnd;
        Task<Void> task;
        /** The operation it awaits now, and the order of waiters it joined for it (or null). */
        Task<?> op;
        ArrayDeque<Worker> order;
        String doing = "not started";
        private int index = -1;

        Worker(int id, int role, long seed) {
            this.id = id;
            this.role = role;
            this.rnd = new Random(seed);
        }

        @Override
        public String toString() {
            return "worker " + id + " (" + doing + ")";
        }
    }

    /** What a worker runs. */
    interface Body {
        Task<Void> run(Worker w);
    }

    final Random rnd;
    private final List<String> violations = new ArrayList<>();
    private int violationCount;
    private final List<Worker> alive = new ArrayList<>();
    private final int[] aliveByRole = new int[4];
    private final int[] spawnedByRole = new int[4];
    private final List<Task<Void>> plain = new ArrayList<>();
    private final List<Task<Void>> runners = new ArrayList<>();
    private final Set<Integer> thrown = new HashSet<>();
    private final Map<Integer, Integer> observed = new HashMap<>();
    private int nextWorker;
    private int nextFailure;
    private int spawned;
    private boolean spawning = true;
    /** Set once spawning is over and every worker is done. */
    final Event allDone = new Event();
    /** Set each time a worker ends. */
    private final Event progress = new Event();
    /** Set by a scenario's end, for workers that would otherwise go on (consumers, the event's setter). */
    boolean stopping;
    int chaosCancels;
    int grantCancels;
    int timeouts;

    Scenario(long seed) {
        this.rnd = new Random(seed);
    }

    // ---- invariants -------------------------------------------------------------------------------------------------

    /** Records a broken invariant; the run fails at its end with the first ones. */
    void violation(String what) {
        violationCount++;
        if (violations.size() < 8) {
            violations.add(what);
        }
    }

    List<String> violations() {
        List<String> all = new ArrayList<>(violations);
        if (violationCount > violations.size()) {
            all.add("... " + (violationCount - violations.size()) + " more");
        }
        return all;
    }

    String summary() {
        return spawned + " workers, " + chaosCancels + " random cancels, " + grantCancels
                + " cancels between a grant and the resumption, " + timeouts + " timeouts, " + thrown.size()
                + " injected failures";
    }

    /** A worker's critical section throws, now and then: its finally blocks must clean up, its failure be seen. */
    void maybeFail(Worker w, int percent) {
        if (w.rnd.nextInt(100) < percent) {
            int id = nextFailure++;
            thrown.add(id);
            throw new InjectedFailure(id);
        }
    }

    /** How a worker's failure came back to the scenario. */
    private void observe(Throwable t, String path) {
        if (t instanceof CancellationException) {
            return;
        }
        if (t instanceof InjectedFailure) {
            observed.merge(((InjectedFailure) t).id, 1, Integer::sum);
            return;
        }
        violation("a worker failed, observed through " + path + ", with " + t + " at " + firstFrames(t));
    }

    private static String firstFrames(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length == 0 ? "?" : trace[0] + (trace.length > 1 ? " < " + trace[1] : "");
    }

    // ---- workers ----------------------------------------------------------------------------------------------------

    int alive(int role) {
        return aliveByRole[role];
    }

    int spawned(int role) {
        return spawnedByRole[role];
    }

    /** Starts {@code n} workers of {@code role} running {@code body}, all in one of the three ways, at random. */
    void spawnBatch(int n, int role, Body body) {
        List<Worker> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Worker w = new Worker(nextWorker++, role, rnd.nextLong());
            w.index = alive.size();
            alive.add(w);
            aliveByRole[role]++;
            spawnedByRole[role]++;
            spawned++;
            batch.add(w);
        }
        switch (rnd.nextInt(4)) {
            case 0:
                runners.add(createTask(inGroup(batch, body)));
                break;
            case 1:
                runners.add(createTask(gathered(batch, body)));
                break;
            default:
                for (Worker w : batch) {
                    start(w, createTask(body.run(w)));
                    plain.add(w.task);
                }
        }
    }

    /** Spawns {@code total} workers of role 0, keeping at most {@code cap} alive; the run's spawner. */
    @Async
    Task<Void> spawnAll(int total, int cap, Body body) {
        while (spawned(0) < total) {
            if (alive.size() >= cap && !await(awaitProgress("spawning at most " + cap + " at a time"))) {
                break;
            }
            if (alive.size() >= cap) {
                continue;
            }
            spawnBatch(Math.min(total - spawned(0), 1 + rnd.nextInt(Math.min(6, cap - alive.size()))), 0, body);
            if (rnd.nextInt(3) == 0) {
                await(sleep(rnd.nextInt(2)));
            }
        }
        spawningDone();
        return done();
    }

    /**
     * Waits until some worker ends. Returns false, having recorded a stall, if none ends within an hour of virtual
     * time: with every live worker stuck (a lost grant), a spawner that kept waiting for room would spin forever.
     */
    @Async
    Task<Boolean> awaitProgress(String what) {
        progress.clear();
        try {
            await(waitFor(progress.waitSet(), Duration.ofHours(1)));
            return done(true);
        } catch (AsyncTimeoutException e) {
            violation("stalled: no worker ended for an hour of virtual time while " + what + "; alive: "
                    + describeAlive());
            return done(false);
        }
    }

    /** No more workers will be spawned: {@link #allDone} is set once the live ones end. */
    void spawningDone() {
        spawning = false;
        if (alive.isEmpty()) {
            allDone.set();
        }
    }

    private void start(Worker w, Task<Void> task) {
        w.task = task;
        task.addDoneCallback(t -> finished(w));
    }

    private void finished(Worker w) {
        Worker last = alive.remove(alive.size() - 1);
        if (last != w) {
            alive.set(w.index, last);
            last.index = w.index;
        }
        w.index = -1;
        aliveByRole[w.role]--;
        progress.set();
        if (!spawning && alive.isEmpty()) {
            allDone.set();
        }
    }

    @Async
    Task<Void> inGroup(List<Worker> batch, Body body) {
        try (TaskGroup group = new TaskGroup()) {
            for (Worker w : batch) {
                start(w, group.createTask(body.run(w)));
            }
            try {
                await(group.join());
            } catch (TaskGroupException e) {
                for (Throwable t : e.exceptions()) {
                    observe(t, "a TaskGroup");
                }
            }
        }
        return done();
    }

    @Async
    Task<Void> gathered(List<Worker> batch, Body body) {
        List<Task<Void>> tasks = new ArrayList<>();
        for (Worker w : batch) {
            start(w, createTask(body.run(w)));
            tasks.add(w.task);
        }
        for (Outcome<Void> o : await(gatherOutcomes(tasks))) {
            if (!o.isSuccess()) {
                observe(o.exception(), "gatherOutcomes");
            }
        }
        return done();
    }

    // ---- cancellation -----------------------------------------------------------------------------------------------

    /** Cancels a random live worker every few virtual milliseconds, {@code budget} times at most. */
    @Async
    Task<Void> chaos(int budget) {
        while (budget > 0 && !allDone.isSet()) {
            await(sleep(rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(3)));
            if (!alive.isEmpty()) {
                Worker victim = alive.get(rnd.nextInt(alive.size()));
                if (victim.task != null && victim.task.cancel()) {
                    chaosCancels++;
                    budget--;
                }
            }
        }
        return done();
    }

    /** {@code w} awaits {@code op}; if it must wait, it joins {@code order}, the order the primitive serves in. */
    void waiting(Worker w, Task<?> op, ArrayDeque<Worker> order, String doing) {
        w.op = op;
        w.doing = doing;
        if (!op.isDone()) {
            w.order = order;
            order.add(w);
        }
    }

    /** {@code w} resumed from its await, whichever way it ended. */
    void resumed(Worker w) {
        if (w.order != null) {
            w.order.remove(w);
            w.order = null;
        }
        w.op = null;
        w.doing = "running";
    }

    /**
     * With probability {@code percent}, cancels the first worker of {@code order} (among the first few) whose
     * operation was granted but which has not resumed yet; called right after a release, a put or a get, which is
     * what grants. With {@code granted} false it cancels the first worker still waiting (a signalled condition
     * waiter, which is granted only once it holds the lock again).
     */
    void cancelGranted(ArrayDeque<Worker> order, Random r, int percent, boolean granted) {
        if (r.nextInt(100) >= percent) {
            return;
        }
        int scanned = 0;
        for (Worker w : order) {
            if (scanned++ == 4) {
                return;
            }
            if (w.op != null && w.op.isDone() == granted && w.task != null && !w.task.isDone()) {
                w.task.cancel();
                grantCancels++;
                return;
            }
        }
    }

    private static List<Task<Void>> doneOnes(List<Task<Void>> tasks) {
        List<Task<Void>> done = new ArrayList<>();
        for (Task<Void> t : tasks) {
            if (t.isDone()) {
                done.add(t);
            }
        }
        return done;
    }

    // ---- the end of a run ---------------------------------------------------------------------------------------

    /**
     * Waits for every worker to end; after an hour of virtual time (instant, if nothing else is scheduled) records a
     * deadlock with the workers still alive, cancels them and waits again.
     */
    @Async
    Task<Void> awaitAllWorkers(String what) {
        try {
            await(waitFor(allDone.waitSet(), Duration.ofHours(1)));
        } catch (AsyncTimeoutException e) {
            violation("deadlock: " + alive.size() + " workers still waiting an hour after " + what + ": "
                    + describeAlive());
            cancelAlive();
            try {
                await(waitFor(allDone.waitSet(), Duration.ofHours(1)));
            } catch (AsyncTimeoutException again) {
                violation(alive.size() + " workers did not even end when cancelled: " + describeAlive());
            }
        }
        return done();
    }

    /** Cancels every live worker: how a run ends the consumers left waiting for what will never come. */
    void cancelAlive() {
        for (Worker w : new ArrayList<>(alive)) {
            if (w.task != null) {
                w.task.cancel();
            }
        }
    }

    String describeAlive() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(4, alive.size()); i++) {
            b.append(i == 0 ? "" : ", ").append(alive.get(i));
        }
        return alive.size() > 4 ? b + ", ..." : b.toString();
    }

    /**
     * Collects the outcomes no runner collected, checks each injected failure was observed exactly once, and that
     * no task but {@code supervisor} (the run's main task) is left on the loop. Call once every worker is done and
     * the chaos has ended.
     */
    @Async
    Task<Void> finish(Task<?> supervisor) {
        // Only the tasks that ended: a worker the runtime left unable to end even when cancelled was reported by
        // awaitAllWorkers, and waiting for it here would never end. The runners get an hour (without being cancelled,
        // which would wait for their members too) to see their members' ends.
        for (Outcome<Void> o : await(gatherOutcomes(doneOnes(plain)))) {
            if (!o.isSuccess()) {
                observe(o.exception(), "the scenario's gatherOutcomes");
            }
        }
        if (!runners.isEmpty()) {
            await(waitTasks(runners, dev.weft.ReturnWhen.ALL_COMPLETED, Duration.ofHours(1)));
        }
        for (Outcome<Void> o : await(gatherOutcomes(doneOnes(runners)))) {
            if (!o.isSuccess()) {
                violation("a runner of workers failed: " + o.exception());
            }
        }
        for (int id : thrown) {
            int times = observed.getOrDefault(id, 0);
            if (times != 1) {
                violation("injected failure " + id + " was observed " + times + " times, not once");
            }
        }
        for (int id : observed.keySet()) {
            if (!thrown.contains(id)) {
                violation("a failure that was never thrown was observed: " + id);
            }
        }
        Set<Task<?>> left = new HashSet<>(EventLoop.current().allTasks());
        left.remove(supervisor);
        if (!left.isEmpty()) {
            violation(left.size() + " tasks still pending at the end, e.g. " + left.iterator().next());
        }
        return done();
    }
}
