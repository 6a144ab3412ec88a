package dev.weft.bench.handoff;

import dev.weft.Async;
import dev.weft.Event;
import dev.weft.Queue;
import dev.weft.Task;
import dev.weft.bench.Workload;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.done;

/** Weft's ping-pong, the two ways a user would write it: two queues of one slot, or two events over a mailbox. */
final class WeftPingPong {
    private WeftPingPong() {
    }

    @Async
    static Task<Long> overQueues(int rounds) {
        Queue<Integer> toPong = new Queue<>(1);
        Queue<Integer> toPing = new Queue<>(1);
        createTask(answerOverQueues(toPong, toPing, rounds));
        long sum = 0;
        for (int i = 0; i < rounds; i++) {
            await(toPong.put(Workload.small(i)));
            sum += await(toPing.get());
        }
        return done(sum);
    }

    @Async
    static Task<Void> answerOverQueues(Queue<Integer> requests, Queue<Integer> answers, int rounds) {
        for (int i = 0; i < rounds; i++) {
            int request = await(requests.get());
            await(answers.put(request + 1));
        }
        return done();
    }

    /** The value in flight and whose turn it is to read it. */
    static final class Mailbox {
        int value;
        final Event pongsTurn = new Event();
        final Event pingsTurn = new Event();
    }

    @Async
    static Task<Long> overEvents(int rounds) {
        Mailbox box = new Mailbox();
        createTask(answerOverEvents(box, rounds));
        long sum = 0;
        for (int i = 0; i < rounds; i++) {
            box.value = Workload.small(i);
            box.pongsTurn.set();
            await(box.pingsTurn.waitSet());
            box.pingsTurn.clear();
            sum += box.value;
        }
        return done(sum);
    }

    @Async
    static Task<Void> answerOverEvents(Mailbox box, int rounds) {
        for (int i = 0; i < rounds; i++) {
            await(box.pongsTurn.waitSet());
            box.pongsTurn.clear();
            box.value++;
            box.pingsTurn.set();
        }
        return done();
    }
}
