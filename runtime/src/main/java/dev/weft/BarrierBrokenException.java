package dev.weft;

/** A {@link Barrier} was aborted or reset while tasks waited at it: asyncio's {@code BrokenBarrierError}. */
public class BarrierBrokenException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public BarrierBrokenException(String message) {
        super(message);
    }
}
