package dev.weft.internal;

import java.util.Optional;

/** Builds the error thrown when {@code Weft.await} is reached in code that was not woven. */
public final class UnwovenAwait {
    private UnwovenAwait() {
    }

    /** The error for the caller of {@code Weft.await}, naming its class, method and source line. */
    public static IllegalStateException error() {
        Optional<StackWalker.StackFrame> caller = StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().equals("dev.weft.Weft")
                        && !f.getClassName().equals(Tasks.class.getName())
                        && !f.getClassName().equals(UnwovenAwait.class.getName()))
                .findFirst());
        String where = caller.map(f -> f.getClassName() + "." + f.getMethodName()
                + "(" + f.getFileName() + ":" + f.getLineNumber() + ")").orElse("an unknown method");
        return new IllegalStateException("Weft.await reached in " + where + ", which was not woven: "
                + "await only works in an @Async method of a class processed by the Weft weaver. "
                + "Weave at build time with the weft-maven-plugin goal 'weave' (or java -jar weft-weaver-VERSION-cli.jar "
                + "CLASSES_DIR), at load time with -javaagent:weft-agent.jar, or call "
                + "dev.weft.agent.WeftAgent.install() before the class is loaded.");
    }
}
