package dev.weft;

import dev.weft.internal.Tasks;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * asyncio's {@code contextvars.ContextVar}: a value per task, seen by the tasks it starts.
 *
 * <pre>{@code
 * static final ContextVar<String> REQUEST_ID = new ContextVar<>("request_id");
 *
 * REQUEST_ID.set(id);                       // in the task handling a request
 * group.createTask(fetchUser());            // fetchUser sees id, whatever the request task sets later
 * }</pre>
 *
 * <p>Each task has its own context. A task takes a copy of the context of the code that scheduled it
 * ({@code createTask}, a {@link TaskGroup}'s {@code createTask}, a combinator that schedules it, {@code Weft.run}),
 * so it sees the values as they were then, and what it sets later is its own. A coroutine awaited directly
 * ({@code await(m())}) is part of the awaiting task: it sees and sets that task's values, as asyncio's
 * {@code await coro} does. {@link Weft#toThread} runs its call with a copy of the task's context. Code outside any task
 * uses its thread's context. A loop's own callbacks ({@code callSoon}) see the loop thread's context, not the
 * scheduling task's (asyncio copies the context into each callback; Weft does not).
 *
 * @param <T> the type of the value
 */
public final class ContextVar<T> {
    private static final Object NO_DEFAULT = new Object();

    private final String name;
    private final Object defaultValue;

    /** A variable with no default: {@link #get()} throws until it is set. */
    public ContextVar(String name) {
        this.name = name;
        this.defaultValue = NO_DEFAULT;
    }

    /** A variable whose {@link #get()} gives {@code defaultValue} until it is set. */
    public ContextVar(String name, T defaultValue) {
        this.name = name;
        this.defaultValue = defaultValue;
    }

    public String name() {
        return name;
    }

    /**
     * The value in the current context, or the default.
     *
     * @throws NoSuchElementException if the variable is not set and has no default (asyncio's {@code LookupError})
     */
    @SuppressWarnings("unchecked")
    public T get() {
        Map<Object, Object> context = Tasks.currentContext();
        if (context.containsKey(this)) {
            return (T) context.get(this);
        }
        if (defaultValue == NO_DEFAULT) {
            throw new NoSuchElementException("ContextVar " + name + " is not set in this context and has no default");
        }
        return (T) defaultValue;
    }

    /** The value in the current context, or {@code fallback} if it is not set (the variable's default is ignored). */
    @SuppressWarnings("unchecked")
    public T get(T fallback) {
        Map<Object, Object> context = Tasks.currentContext();
        return context.containsKey(this) ? (T) context.get(this) : fallback;
    }

    /** Sets the value in the current context; returns a token that {@link #reset(Token)} takes to undo it. */
    public Token<T> set(T value) {
        Map<Object, Object> context = Tasks.currentContext();
        Object old = context.containsKey(this) ? context.get(this) : Token.MISSING;
        Map<Object, Object> next = new HashMap<>(context);
        next.put(this, value);
        Tasks.replaceContext(Collections.unmodifiableMap(next));
        return new Token<>(this, old);
    }

    /**
     * Restores the value the variable had before the {@link #set} that gave {@code token}.
     *
     * @throws IllegalArgumentException if the token belongs to another variable
     * @throws IllegalStateException    if the token was used already
     */
    public void reset(Token<T> token) {
        if (token.var != this) {
            throw new IllegalArgumentException("the token of ContextVar " + token.var.name
                    + " cannot reset ContextVar " + name);
        }
        if (token.used) {
            throw new IllegalStateException("the token of ContextVar " + name + " has already been used");
        }
        token.used = true;
        Map<Object, Object> next = new HashMap<>(Tasks.currentContext());
        if (token.old == Token.MISSING) {
            next.remove(this);
        } else {
            next.put(this, token.old);
        }
        Tasks.replaceContext(Collections.unmodifiableMap(next));
    }

    @Override
    public String toString() {
        return "ContextVar[" + name + "]";
    }

    /** What {@link #set} returns, for {@link #reset}: asyncio's {@code contextvars.Token}. */
    public static final class Token<T> {
        static final Object MISSING = new Object();

        private final ContextVar<T> var;
        private final Object old;
        private boolean used;

        Token(ContextVar<T> var, Object old) {
            this.var = var;
            this.old = old;
        }

        public ContextVar<T> var() {
            return var;
        }
    }

}
