package dev.weft.internal;

/**
 * The task of {@code Weft.sleep}: completes a fixed time after it starts. With no delay it completes in the next loop
 * iteration, so awaiting it yields once.
 */
public final class Sleep extends AbstractTask<Void> implements Runnable {
    private final long nanos;
    private TimerHeap.Timer timer;

    public Sleep(long nanos) {
        this.nanos = nanos;
    }

    @Override
    void start(Loop loop) {
        super.start(loop);
        if (nanos == 0) {
            loop.callSoon(this);
        } else {
            timer = loop.schedule(nanos, this);
        }
    }

    /** The timer fired. */
    @Override
    public void run() {
        timer = null;
        finish(null, null, null);
    }

    @Override
    public boolean cancel() {
        if (status == DONE) {
            return false;
        }
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        finishCancelled("sleep was cancelled");
        return true;
    }

    @Override
    String describe() {
        return "sleep " + (nanos / 1_000_000) + " ms";
    }
}
