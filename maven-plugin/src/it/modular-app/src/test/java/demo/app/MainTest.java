package demo.app;

import dev.weft.Async;
import dev.weft.Task;
import dev.weft.Weft;
import org.junit.jupiter.api.Test;

import static dev.weft.Weft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    /** Woven by weave-tests; surefire patches the test classes into module demo.app, so this crosses modules too. */
    @Async
    static Task<Integer> reportLength() {
        await(sleep(0));
        return done(await(Main.report()).length());
    }

    @Test
    void runsOnTheModulePath() {
        assertEquals("demo.app", Main.class.getModule().getName());
        assertEquals("demo.app", MainTest.class.getModule().getName());
        assertEquals("dev.weft.runtime", Weft.class.getModule().getName());
    }

    @Test
    void runtimeExportsTheApiAndTheAbiOfWovenCodeOnly() {
        Module runtime = Weft.class.getModule();
        assertTrue(runtime.isExported("dev.weft"));
        assertTrue(runtime.isExported("dev.weft.internal"));
        assertFalse(runtime.isExported("dev.weft.internal.io"));
        assertEquals(2, runtime.getDescriptor().exports().size());
    }

    @Test
    void wovenMainClassRunsOnTheLoop() {
        assertEquals("a@20,b@10+late@30", run(Main.report()));
    }

    @Test
    void wovenTestClassAwaitsWovenMainClass() {
        assertEquals("a@20,b@10+late@30".length(), run(reportLength()));
    }
}
