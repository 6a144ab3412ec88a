package dev.weft.weaver;

import dev.weft.weaver.internal.WeaverSupport;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every runtime name the weaver emits exists in the runtime with that descriptor. */
class WeaverSupportTest {

    private static Class<?> type(String internalName) throws ClassNotFoundException {
        return Class.forName(internalName.replace('/', '.'));
    }

    private static void assertMethod(String owner, String name, String desc, boolean isStatic) throws Exception {
        Method found = Arrays.stream(type(owner).getMethods())
                .filter(m -> m.getName().equals(name) && Type.getMethodDescriptor(m).equals(desc))
                .findFirst().orElseThrow(() -> new AssertionError("no public " + owner + "." + name + desc));
        assertEquals(isStatic, Modifier.isStatic(found.getModifiers()), owner + "." + name);
    }

    @Test
    void awaitMethodsAreThoseOfWeft() throws Exception {
        assertMethod(WeaverSupport.WEFT, WeaverSupport.AWAIT, WeaverSupport.AWAIT_TASK_DESC, true);
        assertMethod(WeaverSupport.WEFT, WeaverSupport.AWAIT, WeaverSupport.AWAIT_STAGE_DESC, true);
        assertEquals(WeaverSupport.TASK_DESC, "L" + WeaverSupport.TASK + ";");
        assertEquals("dev.weft.Task", type(WeaverSupport.TASK).getName());
        assertEquals(WeaverSupport.ASYNC_DESC, Type.getDescriptor(type("dev/weft/Async")));
        assertEquals(WeaverSupport.WOVEN_DESC, Type.getDescriptor(type("dev/weft/internal/Woven")));
    }

    @Test
    void coroutineAbiExists() throws Exception {
        String co = WeaverSupport.COROUTINE;
        assertEquals(WeaverSupport.COROUTINE_DESC, "L" + co + ";");
        assertEquals(1, Arrays.stream(type(co).getConstructors())
                .filter(c -> Type.getConstructorDescriptor(c).equals(WeaverSupport.COROUTINE_INIT_DESC)).count());
        Field suspend = type(co).getField(WeaverSupport.SUSPEND);
        assertTrue(Modifier.isStatic(suspend.getModifiers()) && Modifier.isFinal(suspend.getModifiers()));
        assertEquals(WeaverSupport.OBJECT_DESC, Type.getDescriptor(suspend.getType()));
        assertMethod(co, WeaverSupport.STATE, WeaverSupport.STATE_DESC, false);
        assertMethod(co, WeaverSupport.BAD_STATE, WeaverSupport.BAD_STATE_DESC, false);
        assertMethod(co, WeaverSupport.TRY_AWAIT, WeaverSupport.TRY_AWAIT_DESC, false);
        assertMethod(co, WeaverSupport.SUSPEND_AT, WeaverSupport.SUSPEND_AT_DESC, false);
        assertMethod(co, WeaverSupport.RESUME_VALUE, WeaverSupport.RESUME_VALUE_DESC, false);
        assertMethod(co, WeaverSupport.RELEASE_SPILL_SLOTS, WeaverSupport.RELEASE_SPILL_SLOTS_DESC, false);
        String[][] kinds = {{"I", WeaverSupport.SPILL_INT, WeaverSupport.RESTORE_INT},
                {"J", WeaverSupport.SPILL_LONG, WeaverSupport.RESTORE_LONG},
                {"F", WeaverSupport.SPILL_FLOAT, WeaverSupport.RESTORE_FLOAT},
                {"D", WeaverSupport.SPILL_DOUBLE, WeaverSupport.RESTORE_DOUBLE},
                {"Ljava/lang/Object;", WeaverSupport.SPILL_REF, WeaverSupport.RESTORE_REF}};
        for (String[] kind : kinds) {
            assertMethod(co, kind[1], "(" + kind[0] + "I)V", false);
            assertMethod(co, kind[2], "(I)" + kind[0], false);
        }
    }

    @Test
    void fusedCallsReplaceCallsWithTheSameArgumentsAndResult() throws Exception {
        assertMethod(WeaverSupport.WEFT, WeaverSupport.SLEEP, WeaverSupport.SLEEP_MILLIS_DESC, true);
        assertMethod(WeaverSupport.WEFT, WeaverSupport.SLEEP, WeaverSupport.SLEEP_DURATION_DESC, true);
        assertMethod(WeaverSupport.SLEEP_TASK, WeaverSupport.AWAITED_AT_ONCE, WeaverSupport.SLEEP_MILLIS_DESC, true);
        assertMethod(WeaverSupport.SLEEP_TASK, WeaverSupport.AWAITED_AT_ONCE, WeaverSupport.SLEEP_DURATION_DESC, true);
        assertMethod(WeaverSupport.WEFT, WeaverSupport.DONE, WeaverSupport.DONE_VALUE_DESC, true);
        assertMethod(WeaverSupport.WEFT, WeaverSupport.DONE, WeaverSupport.DONE_VOID_DESC, true);
        assertMethod(WeaverSupport.COROUTINE, WeaverSupport.RETURN_VALUE, WeaverSupport.RETURN_VALUE_DESC, false);
        Field returned = type(WeaverSupport.COROUTINE).getField("RETURNED");
        assertTrue(Modifier.isStatic(returned.getModifiers()) && Modifier.isFinal(returned.getModifiers()));
    }

    @Test
    void bodyInterfaceHasTheBodyDescriptor() throws Exception {
        Method[] methods = type(WeaverSupport.BODY).getDeclaredMethods();
        assertEquals(1, methods.length);
        assertEquals(WeaverSupport.BODY_METHOD, methods[0].getName());
        assertEquals(WeaverSupport.BODY_METHOD_DESC, Type.getMethodDescriptor(methods[0]));
        assertMethod(WeaverSupport.WOVEN_METHOD, WeaverSupport.BIND, WeaverSupport.BIND_DESC, true);
        assertEquals(WeaverSupport.WOVEN_METHOD_FACTORY_DESC, "()L" + WeaverSupport.WOVEN_METHOD + ";");
    }
}
