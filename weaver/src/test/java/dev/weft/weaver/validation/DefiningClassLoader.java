package dev.weft.weaver.validation;

import java.util.Map;

/**
 * Defines the classes it is given, child-first, and loads everything else from its parent: for running class files
 * a test made or changed (woven, hand-built, corpus classes with a replacement) in a loader of their own.
 */
public final class DefiningClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    /** @param classes class files by Java class name */
    public DefiningClassLoader(ClassLoader parent, Map<String, byte[]> classes) {
        super(parent);
        this.classes = classes;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            return c != null ? c : defineClass(name, bytes, 0, bytes.length);
        }
    }
}
