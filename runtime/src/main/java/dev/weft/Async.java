package dev.weft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a coroutine, asyncio's {@code async def}.
 *
 * <p>The method must return {@link Task} and may call {@link Weft#await(Task)} and
 * {@link Weft#await(java.util.concurrent.CompletionStage)} anywhere in its body. The Weft weaver (the
 * {@code weft-maven-plugin} goal {@code weave}, the {@code -javaagent:weft-agent.jar} agent, or
 * {@code dev.weft.weaver.Main}) rewrites the method so that calling it runs none of its body: the call returns a
 * {@link Task} that has not started, and each {@code await} suspends the task instead of blocking the thread.
 *
 * <p>The weaver refuses this annotation on constructors, abstract and native methods, {@code synchronized} methods
 * and methods whose return type is not {@code Task}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Async {
}
