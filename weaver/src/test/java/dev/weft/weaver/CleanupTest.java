package dev.weft.weaver;

import dev.weft.weaver.validation.Targets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Weft.run cancels what remains; a failure no one retrieved is reported, never lost. */
class CleanupTest {
    private final Targets targets = new Targets();
    private final List<LogRecord> records = new ArrayList<>();
    private final Logger logger = Logger.getLogger("dev.weft");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        logger.addHandler(handler);
    }

    @AfterEach
    void release() {
        logger.removeHandler(handler);
    }

    @Test
    void runCancelsTheTasksThatRemainAndWaitsForThem() throws Throwable {
        List<String> log = new ArrayList<>();
        assertEquals("main done", targets.run("Cleanup", "leavesATaskBehind", log));
        assertEquals(List.of("forever cancelled"), log);
    }

    @Test
    void aFailureNoOneRetrievedIsReportedWhenTheLoopCloses() throws Throwable {
        assertEquals("ok", targets.run("Cleanup", "forgetsAFailedTask"));
        assertEquals(1, records.size(), records.toString());
        LogRecord record = records.get(0);
        assertTrue(record.getMessage().startsWith("Task exception was never retrieved"), record.getMessage());
        assertTrue(record.getMessage().contains("Cleanup.fails"), record.getMessage());
        assertEquals("nobody looks at me", record.getThrown().getMessage());
    }

    @Test
    void aRetrievedFailureIsNotReported() throws Throwable {
        assertEquals("nobody looks at me", targets.run("Cleanup", "retrievesAFailedTask"));
        assertEquals(List.of(), records);
    }

    @Test
    void anUnwovenCoroutineFailsLoudlyNamingClassAndMethod() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.weft.weaver.validation.WeavingClassLoader.weavesItself(),
                "under the Java agent every class is woven, the test's own included");
        // Loaded by the test's own class loader, so not woven: the body runs at the call and reaches await.
        java.lang.reflect.Method add = dev.weft.weaver.targets.Basics.class.getDeclaredMethod("add", int.class,
                int.class);
        add.setAccessible(true);
        java.lang.reflect.InvocationTargetException e = org.junit.jupiter.api.Assertions.assertThrows(
                java.lang.reflect.InvocationTargetException.class, () -> add.invoke(null, 1, 2));
        assertSame(IllegalStateException.class, e.getCause().getClass());
        assertTrue(e.getCause().getMessage().contains("dev.weft.weaver.targets.Basics.add(Basics.java:"),
                e.getCause().getMessage());
        assertTrue(e.getCause().getMessage().contains("not woven"), e.getCause().getMessage());
    }
}
