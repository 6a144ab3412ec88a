package dev.weft;

/** When {@link Weft#waitTasks} returns: asyncio's {@code FIRST_COMPLETED}, {@code FIRST_EXCEPTION}, {@code ALL_COMPLETED}. */
public enum ReturnWhen {
    /** As soon as any task is done. */
    FIRST_COMPLETED,
    /** As soon as any task fails with an exception other than a cancellation, or when all are done. */
    FIRST_EXCEPTION,
    /** When every task is done. */
    ALL_COMPLETED
}
