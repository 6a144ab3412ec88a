package dev.weft.internal.io;

/** What a {@link ChannelRegistration} calls on the loop thread. */
interface ChannelHandler {
    /** The selector found the channel ready for {@code readyOps}. */
    void ready(int readyOps);

    /**
     * The loop is closing with the channel still registered; the registration closes the channel right after. Tasks
     * of a closed loop never run again, so this settles nothing that would wake them.
     */
    default void loopClosed() {
    }
}
