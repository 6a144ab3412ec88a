package dev.weft;

/**
 * Receives the failures nobody else will see: exceptions thrown by callbacks, failures of tasks that nobody retrieved,
 * coroutines never awaited and slow callbacks (in debug mode). asyncio's loop exception handler. Called on the loop
 * thread, or on a clean-up thread for a task collected after its loop closed.
 */
@FunctionalInterface
public interface ExceptionHandler {
    void handle(EventLoop loop, ExceptionContext context);
}
