package dev.weft.internal;

import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bootstrap of woven methods refuses a body of another ABI with a message that says what to do. */
class WovenMethodTest {

    /** The shape of a body an older weaver wrote for a static method: {@code static Object body(Coroutine)}. */
    static Object oldBody(Coroutine<?> c) {
        return null;
    }

    /** The shape of this runtime's static body. */
    static Object body(Object unused, Coroutine<?> c) {
        return null;
    }

    @Test
    void aBodyWovenByAnotherWeaverVersionIsRefusedByName() throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        var old = lookup.findStatic(WovenMethodTest.class, "oldBody",
                MethodType.methodType(Object.class, Coroutine.class));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> WovenMethod.bind(lookup, "m",
                MethodType.methodType(WovenMethod.class), old, "app.Main.fetch", 0, 0));
        assertTrue(e.getMessage().startsWith("app.Main.fetch was woven by a Weft weaver of another version"),
                e.getMessage());
        assertTrue(e.getMessage().contains("mvn clean verify"), e.getMessage());
        var current = lookup.findStatic(WovenMethodTest.class, "body",
                MethodType.methodType(Object.class, Object.class, Coroutine.class));
        WovenMethod.bind(lookup, "m", MethodType.methodType(WovenMethod.class), current, "app.Main.fetch", 0, 0);
    }
}
