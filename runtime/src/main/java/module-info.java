/**
 * The Weft runtime: asyncio for Java.
 *
 * <p>{@code dev.weft} is the API. {@code dev.weft.internal} is exported only because woven code calls it: the weaver
 * rewrites an {@code @Async} method into calls of {@code Coroutine}, {@code WovenMethod} (the bootstrap of its
 * {@code invokedynamic}), {@code CoroutineBody} and {@code Sleep}, and marks its class with {@code @Woven}. Those
 * calls are made from the woven class, in the application's own module, so a woven class in a named module links to
 * them only if the package is exported (otherwise the first call of an {@code @Async} method throws
 * {@code IllegalAccessError}). It is an ABI for the weaver, not an API: its names and signatures change with the
 * weaver that emits the calls. Every other package (the loop's socket machinery, {@code dev.weft.internal.io}) stays
 * encapsulated.
 *
 * <p>Everything the runtime uses from the JDK is in {@code java.base} (its diagnostics log through
 * {@code System.Logger}), so it requires nothing else.
 */
module dev.weft.runtime {
    exports dev.weft;
    // The ABI woven code calls (see above): exported for the weaver's output, not API.
    exports dev.weft.internal;
}
