package dev.weft.weaver;

import dev.weft.weaver.validation.WeavingClassLoader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Weaving is idempotent and deterministic, and leaves classes without @Async alone. */
class IdempotenceTest {
    private final Weaver weaver = new Weaver();

    @Test
    void weavingAWovenClassPassesItOver() {
        byte[] once = weaver.weave(WeavingClassLoader.original("dev.weft.weaver.targets.Basics")).bytes();
        WeaveResult twice = weaver.weave(once);
        assertEquals(WeaveResult.Outcome.UNTOUCHED, twice.outcome());
        assertSame(once, twice.bytes());
    }

    @Test
    void sameBytesInGiveSameBytesOut() {
        byte[] original = WeavingClassLoader.original("dev.weft.weaver.targets.Basics");
        WeaveResult first = weaver.weave(original.clone());
        WeaveResult second = new Weaver().weave(original.clone());
        assertEquals(WeaveResult.Outcome.WOVEN, first.outcome());
        assertArrayEquals(first.bytes(), second.bytes());
    }

    @Test
    void classWithoutAsyncIsReturnedUntouchedWithoutParsing() {
        byte[] plain = WeavingClassLoader.original(IdempotenceTest.class.getName());
        assertFalse(weaver.mayNeedWeaving(plain));
        WeaveResult result = weaver.weave(plain);
        assertEquals(WeaveResult.Outcome.UNTOUCHED, result.outcome());
        assertSame(plain, result.bytes());
    }

    @Test
    void jdkClassesAreUntouched() throws Exception {
        for (Class<?> c : new Class<?>[] {String.class, java.util.HashMap.class, java.util.concurrent.ForkJoinPool.class}) {
            byte[] bytes;
            try (var in = Object.class.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
                bytes = in.readAllBytes();
            }
            WeaveResult result = weaver.weave(bytes);
            assertEquals(WeaveResult.Outcome.UNTOUCHED, result.outcome(), c.getName());
            assertSame(bytes, result.bytes());
        }
    }
}
