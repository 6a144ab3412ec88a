package dev.weft.weaver;

/**
 * Why a method or class was not woven, and where: the class file, class, method, source file and line, and what to do
 * about it. {@link #toString()} gives the one-line form {@code pkg.Cls.method(Cls.java:12): message}; when the class
 * file does not tell its source file, or could not be read far enough to tell its class, the file it came from (the
 * {@link #origin()}) stands in: {@code pkg.Cls(app.jar!/pkg/Cls.class): message}, {@code app.jar!/pkg/Cls.class:
 * message}.
 */
public final class Problem {
    private final String origin;
    private final String className;
    private final String method;
    private final String sourceFile;
    private final int line;
    private final String message;

    /** A problem whose class file is not named; {@link Weaver#weave(byte[], String)} gives it its origin. */
    public Problem(String className, String method, String sourceFile, int line, String message) {
        this(null, className, method, sourceFile, line, message);
    }

    private Problem(String origin, String className, String method, String sourceFile, int line, String message) {
        this.origin = origin;
        this.className = className;
        this.method = method;
        this.sourceFile = sourceFile;
        this.line = line;
        this.message = message;
    }

    /** This problem, found in the class file {@code origin} (null: not named). */
    Problem from(String origin) {
        return new Problem(origin, className, method, sourceFile, line, message);
    }

    /**
     * The class file the problem is in, as the caller of {@link Weaver#weave(byte[], String)} named it: a path
     * ({@code target/classes/com/example/Foo.class}), a jar entry ({@code app.jar!/com/example/Foo.class}); null if
     * it was not named.
     */
    public String origin() {
        return origin;
    }

    /** The class, in Java form ({@code com.example.Outer$Inner}), or null if the class file is too damaged to tell. */
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

    /**
     * {@code File.java:line} or {@code File.java}, as in a stack trace; without a source file, the {@link #origin()},
     * or {@code Unknown Source} if that is not known either.
     */
    public String location() {
        String file = sourceFile != null ? sourceFile : origin != null ? origin : "Unknown Source";
        return line > 0 ? file + ":" + line : file;
    }

    @Override
    public String toString() {
        if (className == null) {
            return (origin != null ? origin : "a class file") + ": " + message;
        }
        String where = method.isEmpty() ? className : className + "." + method;
        return where + "(" + location() + "): " + message;
    }
}
