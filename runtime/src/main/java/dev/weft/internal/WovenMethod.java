package dev.weft.internal;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * What every call of one woven {@code @Async} method shares: its body, its name for messages and the spill slots its
 * coroutine needs. One instance per method, made the first time the method is called, by {@link #bind}; each
 * coroutine then holds a single reference to it instead of the four values.
 *
 * <p>ABI for woven code: the woven method's stub is {@code new Coroutine(invokedynamic bind(body, name, refs,
 * prims))}. The call site is constant, so after linking the JIT sees the same object every time.
 */
public final class WovenMethod {
    final CoroutineBody body;
    /**
     * True if the body is an instance method: its receiver sits in reference spill slot 0 for the whole life of the
     * coroutine, put there by the stub, never restored (so never cleared) and never released.
     */
    final boolean hasReceiver;
    /** The declaring class and method, for messages. */
    final String name;
    final int refSlots;
    final int primSlots;

    private WovenMethod(CoroutineBody body, boolean hasReceiver, String name, int refSlots, int primSlots) {
        this.body = body;
        this.hasReceiver = hasReceiver;
        this.name = name;
        this.refSlots = refSlots;
        this.primSlots = primSlots;
    }

    /**
     * Bootstrap of the stub's {@code invokedynamic}: binds {@code body} (the private synthetic body method, reached
     * through the woven class's own {@code lookup}) and returns a constant call site that gives this method's
     * {@code WovenMethod}.
     *
     * @param lookup    the woven class's lookup
     * @param name      the call site's name (unused)
     * @param type      {@code ()WovenMethod}
     * @param body      the body: {@code Object NAME(Coroutine)} on the receiver, or
     *                  {@code static Object NAME(Object, Coroutine)} ({@link CoroutineBody})
     * @param method    the declaring class and method, for messages
     * @param refSlots  reference spill slots the body needs at most
     * @param primSlots primitive spill slots the body needs at most
     */
    public static CallSite bind(MethodHandles.Lookup lookup, String name, MethodType type, MethodHandle body,
                                String method, int refSlots, int primSlots) throws Throwable {
        MethodType resume = MethodType.methodType(Object.class, Object.class, Coroutine.class);
        checkBodyType(body.type(), method);
        // An instance body's handle type is (Owner, Coroutine)Object: the receiver is resume's first argument.
        CoroutineBody bound = (CoroutineBody) LambdaMetafactory.metafactory(lookup, "resume",
                MethodType.methodType(CoroutineBody.class), resume, body, body.type()).getTarget().invoke();
        boolean hasReceiver = lookup.revealDirect(body).getReferenceKind() != MethodHandleInfo.REF_invokeStatic;
        WovenMethod woven = new WovenMethod(bound, hasReceiver, method, refSlots, primSlots);
        return new ConstantCallSite(MethodHandles.constant(WovenMethod.class, woven));
    }

    /**
     * Refuses a body of another shape than this runtime's ABI: a class woven by a weaver of another version (stale
     * classes an incremental build did not weave again). Without this check the JDK reports only a
     * {@code LambdaConversionException} about parameter counts.
     */
    static void checkBodyType(MethodType type, String method) {
        if (type.returnType() == Object.class && type.parameterCount() == 2
                && type.parameterType(1) == Coroutine.class) {
            return;
        }
        throw new IllegalStateException(method + " was woven by a Weft weaver of another version: its coroutine body"
                + " is " + type + ", this runtime calls (Object, Coroutine)Object or, on the receiver, (Coroutine)Object."
                + " Weave the class again with the weaver of this runtime's version: rebuild it from source"
                + " (mvn clean verify), or delete the woven class files so that they are compiled and woven anew");
    }

    @Override
    public String toString() {
        return name;
    }
}
