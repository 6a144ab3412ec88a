package dev.weft.weaver.internal;

/**
 * Every name of the runtime the weaver refers to, in one place. The runtime's ABI for woven code lives in
 * {@code dev.weft.internal}; {@code WeaverSupportTest} checks each name here against the runtime by reflection.
 */
public final class WeaverSupport {
    private WeaverSupport() {
    }

    /** {@code @dev.weft.Async}. */
    public static final String ASYNC_DESC = "Ldev/weft/Async;";
    /** The class-level mark of a woven class. */
    public static final String WOVEN_DESC = "Ldev/weft/internal/Woven;";

    public static final String TASK = "dev/weft/Task";
    public static final String TASK_DESC = "Ldev/weft/Task;";

    /** {@code dev.weft.Weft.await(Task)} and {@code await(CompletionStage)}, the calls the weaver replaces. */
    public static final String WEFT = "dev/weft/Weft";
    public static final String AWAIT = "await";
    public static final String AWAIT_TASK_DESC = "(Ldev/weft/Task;)Ljava/lang/Object;";
    public static final String AWAIT_STAGE_DESC = "(Ljava/util/concurrent/CompletionStage;)Ljava/lang/Object;";

    /** {@code Weft.sleep} and {@code Weft.done}, and what {@link FusedCalls} puts in their place. */
    public static final String SLEEP = "sleep";
    public static final String SLEEP_MILLIS_DESC = "(J)Ldev/weft/Task;";
    public static final String SLEEP_DURATION_DESC = "(Ljava/time/Duration;)Ldev/weft/Task;";
    public static final String SLEEP_TASK = "dev/weft/internal/Sleep";
    public static final String AWAITED_AT_ONCE = "awaitedAtOnce";
    public static final String DONE = "done";
    public static final String DONE_VALUE_DESC = "(Ljava/lang/Object;)Ldev/weft/Task;";
    public static final String DONE_VOID_DESC = "()Ldev/weft/Task;";
    public static final String RETURN_VALUE = "returnValue";
    public static final String RETURN_VALUE_DESC = "(Ljava/lang/Object;)Ljava/lang/Object;";

    public static final String COROUTINE = "dev/weft/internal/Coroutine";
    public static final String COROUTINE_DESC = "Ldev/weft/internal/Coroutine;";
    public static final String COROUTINE_INIT_DESC = "(Ldev/weft/internal/WovenMethod;)V";
    public static final String SUSPEND = "SUSPEND";
    public static final String OBJECT_DESC = "Ljava/lang/Object;";

    public static final String STATE = "state";
    public static final String STATE_DESC = "()I";
    public static final String BAD_STATE = "badState";
    public static final String BAD_STATE_DESC = "()Ljava/lang/IllegalStateException;";
    public static final String TRY_AWAIT = "tryAwait";
    public static final String TRY_AWAIT_DESC = "(Ljava/lang/Object;)Ljava/lang/Object;";
    public static final String SUSPEND_AT = "suspend";
    public static final String SUSPEND_AT_DESC = "(I)Ljava/lang/Object;";
    public static final String RESUME_VALUE = "resumeValue";
    public static final String RESUME_VALUE_DESC = "()Ljava/lang/Object;";
    public static final String RELEASE_SPILL_SLOTS = "releaseSpillSlots";
    public static final String RELEASE_SPILL_SLOTS_DESC = "()V";

    /** The functional interface a body is bound to, its method, and the descriptors of the two body shapes. */
    public static final String BODY = "dev/weft/internal/CoroutineBody";
    public static final String BODY_METHOD = "resume";
    public static final String BODY_METHOD_DESC = "(Ljava/lang/Object;Ldev/weft/internal/Coroutine;)Ljava/lang/Object;";
    /** An instance body: the receiver is the interface method's first argument. */
    public static final String INSTANCE_BODY_DESC = "(Ldev/weft/internal/Coroutine;)Ljava/lang/Object;";
    /** A static body: its first argument (null) is unused. */
    public static final String STATIC_BODY_DESC = BODY_METHOD_DESC;

    /** What a woven method's calls share, and the bootstrap of the stub's invokedynamic that makes it once. */
    public static final String WOVEN_METHOD = "dev/weft/internal/WovenMethod";
    public static final String WOVEN_METHOD_FACTORY_DESC = "()Ldev/weft/internal/WovenMethod;";
    public static final String BIND = "bind";
    public static final String BIND_NAME = "wovenMethod";
    public static final String BIND_DESC = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
            + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/String;II)"
            + "Ljava/lang/invoke/CallSite;";

    /** Spill and restore methods of {@code Coroutine}, by kind: int, long, float, double, reference. */
    public static final String SPILL_INT = "spillInt";
    public static final String SPILL_LONG = "spillLong";
    public static final String SPILL_FLOAT = "spillFloat";
    public static final String SPILL_DOUBLE = "spillDouble";
    public static final String SPILL_REF = "spillRef";
    public static final String RESTORE_INT = "restoreInt";
    public static final String RESTORE_LONG = "restoreLong";
    public static final String RESTORE_FLOAT = "restoreFloat";
    public static final String RESTORE_DOUBLE = "restoreDouble";
    public static final String RESTORE_REF = "restoreRef";
}
