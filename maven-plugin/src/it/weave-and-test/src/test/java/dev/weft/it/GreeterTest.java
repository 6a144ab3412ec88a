package dev.weft.it;

import dev.weft.Async;
import dev.weft.Task;
import dev.weft.it.excluded.LeftAlone;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GreeterTest {

    /** An @Async method of a test class: woven by weave-tests. */
    @Async
    static Task<List<String>> greetBoth() {
        Task<String> ada = createTask(Greeter.greet("Ada"));
        String bob = await(Greeter.greet("Bob"));
        return done(List.of(await(ada), bob));
    }

    @Test
    void wovenMainClassRunsOnTheLoop() {
        assertEquals("Hello, Weft!!!!", run(Greeter.greet("Weft")));
    }

    @Test
    void wovenTestClassAwaitsWovenMainClasses() {
        assertEquals(List.of("Hello, Ada!!!", "Hello, Bob!!!"), run(greetBoth()));
    }

    @Test
    void excludedClassIsNotWoven() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(LeftAlone.answer()));
        assertTrue(e.getMessage().contains("not woven"), e.getMessage());
    }
}
