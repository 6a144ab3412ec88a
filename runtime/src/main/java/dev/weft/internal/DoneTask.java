package dev.weft.internal;

/** A task that is done from birth: what {@code Weft.done(value)} returns. */
public final class DoneTask<T> extends AbstractTask<T> {
    /** The shared result of {@code Weft.done()}. */
    public static final DoneTask<Void> VOID = new DoneTask<>(null);

    public DoneTask(T value) {
        finish(value, null, null);
    }

    @Override
    String describe() {
        return "done";
    }
}
