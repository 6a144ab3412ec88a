package dev.weft.weaver;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

import java.util.stream.Stream;

/** The modes of {@code dev.weft.weaver.targets.Awaitables}: where the awaited values come from. */
final class Modes {
    static final int SLEEP = 0;
    static final int DONE = 1;
    static final int ALTERNATE = 2;

    private Modes() {
    }

    static Stream<Arguments> all() {
        return Stream.of(
                Arguments.of(Named.of("awaited tasks suspend", SLEEP)),
                Arguments.of(Named.of("awaited tasks are done", DONE)),
                Arguments.of(Named.of("suspending and done alternate", ALTERNATE)));
    }
}
