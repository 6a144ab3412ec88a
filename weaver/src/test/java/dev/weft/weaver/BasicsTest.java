package dev.weft.weaver;

import dev.weft.weaver.validation.Targets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BasicsTest {
    private final Targets targets = new Targets();

    @Test
    void awaitsSleepAndReturnsSum() throws Throwable {
        assertEquals(7, targets.run("Basics", "add", 3, 4));
    }

    @Test
    void awaitsTwoCoroutines() throws Throwable {
        assertEquals("7 10", targets.run("Basics", "getResults"));
    }

    @Test
    void methodWithoutAwaitIsWovenToo() throws Throwable {
        assertEquals(42, targets.run("Basics", "noAwait", 21));
    }
}
