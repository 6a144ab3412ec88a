package dev.weft.internal;

/**
 * Every state bit of a task, in one table: the {@code status} and {@code flags} bytes of {@link AbstractTask}.
 *
 * <pre>
 *  status (one of)     meaning                                             moved to it by
 *  NEW        0        made, not started: an @Async call's task, a lazy    the constructor
 *                      future (stream operations), a combinator
 *  SCHEDULED  1        given to createTask, its first step queued          AbstractTask.schedule
 *  STARTED    2        pending: running, suspended, or waiting to be       start, startInline, a step
 *                      completed from outside
 *  DONE       3        has its outcome; never changes again                AbstractTask.finish, only
 *
 *  flags (any of)
 *  FAILED           1  outcome is a Throwable (a CancellationException     finish
 *                      when cancelled)
 *  RETRIEVED        2  someone took the failure: it is not reported        markRetrieved
 *  FAILURE_RECORDED 4  the failure waits in Diagnostics to be reported     finish (set), markRetrieved (cleared)
 *                      if never retrieved
 *  RUNNING          8  a coroutine's body is on the Java stack             Coroutine.step (set, cleared)
 *  CANCEL_REQUESTED 16 a coroutine must take a cancellation: woken        Coroutine.withdraw (set); resumeValue,
 *                      already, it throws at its await; running, it        the next suspension (passes it to
 *                      cancels what it next suspends on, or ends           what it awaits), complete, or
 *                      cancelled if it returns first                       uncancel (cleared)
 *  RETURNING        32 a coroutine's body returned a task not yet done:    Coroutine.step
 *                      it completes with that task's outcome
 *  CANCEL_CAUSED    64 a coroutine's pending cancellation throws a cause   Coroutine.withdraw (set), the await
 *                      given to cancelBecause(cause), kept in its          that throws it, its end, a plain
 *                      Trampoline                                          cancel or uncancel (cleared)
 *  CANCEL_OWED    0x80 a cancellation reached a coroutine whose grant      Coroutine.resumeValue (set), its next
 *                      could not be handed back (a put whose item was      await (cleared); kept once DONE: the
 *                      taken): the await succeeded, the cancellation       coroutine that takes this task's value
 *                      is owed to its next await; done with a value        owes it in turn
 *                      and still owing, it passes to its awaiter
 * </pre>
 *
 * <p>Besides the two bytes, {@code AbstractTask.cancelRequests} counts the cancellations requested and not taken
 * back (asyncio's {@code cancelling()}); it only matters to timeout scopes and task groups, which take back their own.
 *
 * <p>Invariants: {@code status} only grows (NEW, SCHEDULED, STARTED, DONE; a task may skip states). {@code FAILED},
 * {@code RETRIEVED} and {@code FAILURE_RECORDED} are meaningful only once DONE; {@code RUNNING},
 * {@code CANCEL_REQUESTED}, {@code RETURNING} and {@code CANCEL_CAUSED} only while STARTED; {@code CANCEL_OWED}
 * while STARTED and, on a task done with a value, after. {@code FAILURE_RECORDED} implies {@code FAILED}
 * and not {@code RETRIEVED}. Both bytes are confined to the thread of the task's loop: plain fields, no ordering.
 */
final class TaskState {
    static final byte NEW = 0;
    static final byte SCHEDULED = 1;
    static final byte STARTED = 2;
    static final byte DONE = 3;

    static final byte FAILED = 1;
    static final byte RETRIEVED = 2;
    static final byte FAILURE_RECORDED = 4;
    static final byte RUNNING = 8;
    static final byte CANCEL_REQUESTED = 16;
    static final byte RETURNING = 32;
    static final byte CANCEL_CAUSED = 64;
    static final byte CANCEL_OWED = (byte) 0x80;

    private TaskState() {
    }
}
