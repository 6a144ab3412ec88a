package dev.weft.weaver.refusals;

/** javac refuses {@code @Async} on a constructor; the test adds it to the class file with ASM. */
public class AsyncConstructor {
    @SuppressWarnings("unused")
    private final int x;

    AsyncConstructor() {
        x = 1;
    }
}
