package dev.weft.weaver.validation;

import dev.weft.Task;
import dev.weft.Weft;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Runs methods of woven validation targets. */
public final class Targets {
    private final WeavingClassLoader loader;

    public Targets() {
        this(new WeavingClassLoader());
    }

    public Targets(WeavingClassLoader loader) {
        this.loader = loader;
    }

    public Class<?> load(String simpleName) {
        try {
            return loader.loadClass(WeavingClassLoader.TARGETS + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public WeavingClassLoader loader() {
        return loader;
    }

    /** Calls static method {@code method} of target {@code target}: must return a Task, which is run on a loop. */
    public Object run(String target, String method, Object... args) throws Throwable {
        return Weft.run(task(target, method, args));
    }

    /** Calls static method {@code method} of target {@code target} and returns its Task, not started. */
    public Task<?> task(String target, String method, Object... args) throws Throwable {
        return (Task<?>) call(target, method, args);
    }

    /** Calls static method {@code method} of target {@code target} with {@code args}; unwraps reflection. */
    public Object call(String target, String method, Object... args) throws Throwable {
        Class<?> c = load(target);
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(method) && !m.isSynthetic() && m.getParameterCount() == args.length) {
                m.setAccessible(true);
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new IllegalArgumentException("no method " + method + " with " + args.length + " arguments in " + c);
    }
}
