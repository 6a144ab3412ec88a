package dev.weft.bench;

import dev.weft.EventLoop;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A per-operation benchmark of Weft code: one loop for the whole trial, which each invocation runs until its driver
 * task completes, as a long-running program keeps one loop.
 */
@State(Scope.Thread)
public abstract class OnWeftLoop extends Defaults {
    protected EventLoop loop;

    @Setup
    public void openLoop() {
        loop = EventLoop.newEventLoop();
    }

    @TearDown
    public void closeLoop() {
        loop.close();
    }
}
