package dev.weft.weaver;

/**
 * Why a method was not woven, and where: class, method, source file and line, and what to do about it.
 * {@link #toString()} gives the one-line form {@code pkg.Cls.method(Cls.java:12): message}.
 */
public final class Problem {
    private final String className;
    private final String method;
    private final String sourceFile;
    private final int line;
    private final String message;

    public Problem(String className, String method, String sourceFile, int line, String message) {
        this.className = className;
        this.method = method;
        this.sourceFile = sourceFile;
        this.line = line;
        this.message = message;
    }

    /** The class, in Java form ({@code com.example.Outer$Inner}). */
    public String className() {
        return className;
    }

    /** The method's name, empty for the class as a whole. */
    public String method() {
        return method;
    }

    /** The source file, or null if the class file does not name it. */
    public String sourceFile() {
        return sourceFile;
    }

    /** The source line, or -1 if unknown. */
    public int line() {
        return line;
    }

    /** What is wrong and what to do. */
    public String message() {
        return message;
    }

    /** {@code File.java:line}, {@code File.java} or {@code Unknown Source}, as in a stack trace. */
    public String location() {
        String file = sourceFile == null ? "Unknown Source" : sourceFile;
        return line > 0 ? file + ":" + line : file;
    }

    @Override
    public String toString() {
        String where = method.isEmpty() ? className : className + "." + method;
        return where + "(" + location() + "): " + message;
    }
}
