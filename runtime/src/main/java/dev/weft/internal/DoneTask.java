package dev.weft.internal;

/** A task that is done from birth: what {@code Weft.done(value)} returns. */
public final class DoneTask<T> extends AbstractTask<T> {
    /** The shared result of {@code Weft.done()}. */
    public static final DoneTask<Void> VOID = new DoneTask<>(null);
    /** The shared task done with {@code true}, for waits that succeed at once. */
    public static final DoneTask<Boolean> TRUE = new DoneTask<>(true);

    public DoneTask(T value) {
        finish(value, null, null);
    }

    private DoneTask(Throwable failure) {
        finish(null, failure, null);
    }

    /** A task done with {@code failure}: what an operation refused at once returns. */
    public static <T> DoneTask<T> failed(Throwable failure) {
        return new DoneTask<>(failure);
    }

    @Override
    protected String describe() {
        return "done";
    }
}
