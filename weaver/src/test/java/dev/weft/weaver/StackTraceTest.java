package dev.weft.weaver;

import dev.weft.weaver.validation.Targets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An exception thrown in a coroutine names the user's class, method and source line. */
class StackTraceTest {
    private final Targets targets = new Targets();
    private static final String TRACES = "dev.weft.weaver.targets.Traces";

    @Test
    void throwAfterAwaitNamesTheMethodAndLine() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> targets.run("Traces", "throwsAfterAwait", 4));
        assertEquals("boom 4", e.getMessage());
        StackTraceElement top = e.getStackTrace()[0];
        assertEquals(TRACES, top.getClassName());
        assertEquals("throwsAfterAwait", top.getMethodName());
        assertEquals("Traces.java", top.getFileName());
        assertEquals(13, top.getLineNumber());
    }

    @Test
    void callerFrameOfAHelperNamesTheCoroutineLine() {
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> targets.run("Traces", "callsHelperAfterAwait"));
        StackTraceElement[] trace = e.getStackTrace();
        assertEquals("helper", trace[0].getMethodName());
        assertEquals(19, trace[0].getLineNumber());
        assertEquals(TRACES, trace[1].getClassName());
        assertEquals("callsHelperAfterAwait", trace[1].getMethodName());
        assertEquals(25, trace[1].getLineNumber());
    }
}
