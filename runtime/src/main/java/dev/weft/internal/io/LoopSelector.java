package dev.weft.internal.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The event loop's {@link Selector}: how one loop thread waits for many sockets at once.
 *
 * <p>Implementation overview. A loop makes its selector when the first channel is registered, so loops without I/O
 * pay nothing. Each registered key carries a {@link Runnable} handler. A select never runs handlers itself: it
 * <em>harvests</em> the handlers of the ready keys into the loop's ready queue, so I/O callbacks run in the loop's
 * iteration like any other callback (timed in debug mode, their exceptions reported). The loop selects at two points:
 * <ol>
 *   <li>{@link #poll} at the start of each iteration: a {@code selectNow}, so sockets are served even when callbacks
 *       keep the loop busy. It is skipped when the loop has just waited in {@link #await}, whose harvest is still
 *       fresh: one select per iteration, as asyncio does.</li>
 *   <li>{@link #await} where the loop would park: a {@code select} bounded by the time to the next timer, ended early
 *       by {@link #wakeup()} from {@code callSoonThreadsafe}. The loop sets its {@code parked} flag before checking
 *       its inbox and selecting; other threads add to the inbox before reading the flag: either the loop sees the new
 *       callback or the other thread sees the flag and wakes the selector, whose wake-up also ends a select that has
 *       not begun yet. No wake-up is lost.</li>
 * </ol>
 * A virtual-time loop uses {@link #pollReady} instead of waiting while timers are pending.
 *
 * <p>A closed channel's fd is released by the selector's next select; {@link #hasChannels()} counts such keys too,
 * so the loop keeps selecting until they are gone. Closing the selector closes every channel still registered.
 *
 * <p>Everything is confined to the loop thread except {@link #wakeup()}.
 */
public final class LoopSelector {
    /** Size of the loop's one read buffer, shared by its channels: reads copy out of it at once. */
    static final int READ_BUFFER_SIZE = 64 * 1024;
    /** The longest single select: a day, which keeps the rounding below from overflowing. */
    private static final long MAX_WAIT = TimeUnit.DAYS.toNanos(1);

    private final Selector selector;
    private ByteBuffer readBuffer;
    /** A select harvested into the ready queue since the loop last polled: the next poll is skipped. */
    private boolean fresh;
    private ArrayDeque<Runnable> harvestInto;
    private int harvested;
    private final Consumer<SelectionKey> harvest = key -> {
        harvestInto.add((Runnable) key.attachment());
        harvested++;
    };

    private LoopSelector(Selector selector) {
        this.selector = selector;
    }

    /** Opens a selector for a loop. */
    public static LoopSelector open() {
        try {
            return new LoopSelector(Selector.open());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the event loop: " + e.getMessage(), e);
        }
    }

    /** Registers {@code channel}, which must be non-blocking, for {@code ops}; {@code handler} runs when ready. */
    SelectionKey register(SelectableChannel channel, int ops, Runnable handler) throws ClosedChannelException {
        return channel.register(selector, ops, handler);
    }

    /** The loop's read buffer, cleared: a read must copy its bytes out before the handler returns. */
    ByteBuffer readBuffer() {
        ByteBuffer b = readBuffer;
        if (b == null) {
            b = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
            readBuffer = b;
        }
        b.clear();
        return b;
    }

    /** @return true while any channel is registered, or a closed one still awaits the select that releases it */
    public boolean hasChannels() {
        return !selector.keys().isEmpty();
    }

    /** At the start of an iteration: adds the handlers of ready channels to {@code ready}, without waiting. */
    public void poll(ArrayDeque<Runnable> ready) {
        if (fresh) {
            fresh = false;
            return;
        }
        if (hasChannels()) {
            select(ready, 0);
        }
    }

    /**
     * For a virtual-time loop about to move its clock: harvests ready channels without waiting.
     *
     * @return true if any handler was added, so the clock should stay where it is
     */
    public boolean pollReady(ArrayDeque<Runnable> ready) {
        if (!hasChannels()) {
            return false;
        }
        fresh = true;
        return select(ready, 0) > 0;
    }

    /**
     * Waits in select for at most {@code nanos} (until woken, if negative), then harvests ready channels. The caller
     * has set its parked flag and checked its inbox. Returns false at once, without waiting, if no channel is
     * registered: the loop then parks its thread instead.
     */
    public boolean await(long nanos, ArrayDeque<Runnable> ready) {
        if (!hasChannels()) {
            return false;
        }
        // Rounded up to whole milliseconds, as select's resolution is: a timer never fires early, nor spins the loop.
        long millis = nanos < 0 ? -1 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(nanos, MAX_WAIT) + 999_999));
        fresh = true;
        select(ready, millis);
        return true;
    }

    /** @param timeout 0 for selectNow, -1 to block until woken, otherwise milliseconds */
    private int select(ArrayDeque<Runnable> ready, long timeout) {
        harvestInto = ready;
        harvested = 0;
        try {
            if (timeout == 0) {
                selector.selectNow(harvest);
            } else if (timeout < 0) {
                selector.select(harvest);
            } else {
                selector.select(harvest, timeout);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("select failed: " + e.getMessage(), e);
        } finally {
            harvestInto = null;
        }
        return harvested;
    }

    /** Ends a select in progress, or makes the next one return at once. Any thread. */
    public void wakeup() {
        selector.wakeup();
    }

    /** Closes every channel still registered, then the selector. */
    public void close() {
        List<SelectionKey> keys;
        try {
            keys = new ArrayList<>(selector.keys());
        } catch (RuntimeException closedAlready) {
            return;
        }
        for (SelectionKey key : keys) {
            Object registration = key.attachment();
            if (registration instanceof ChannelRegistration) {
                ((ChannelRegistration) registration).loopClosed();
            } else {
                Closing.quietly(key.channel());
            }
        }
        Closing.quietly(selector);
    }
}
