package dev.weft.agent;

import dev.weft.weaver.WeaveResult;
import dev.weft.weaver.Weaver;

import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;

/**
 * Weaves classes as they load.
 *
 * <p>Order of checks, cheapest first: classes of the bootstrap loader (the JDK) and Weft's own are passed over
 * without looking at their bytes; then the include/exclude prefixes; then a scan of the constant pool, which rejects
 * every class that names neither {@code @Async} nor {@code Weft}. Only what is left is parsed and woven (a class
 * defined without a name is checked by name once the weaver has read it from its bytes). For every
 * class it does not weave the transformer returns {@code null}, so the JVM keeps the original bytes.
 *
 * <p>A refused class is reported once and loaded unwoven, so its coroutines fail loudly when called. Any failure
 * inside the transformer is caught and reported: it never reaches the application, and since the weaver returns
 * either a whole woven class or nothing, no class is ever half woven.
 */
final class WeavingTransformer implements ClassFileTransformer {
    private static final String UNNAMED = "a class defined without a name";

    private final Weaver weaver;
    private final AgentOptions options;
    private final AgentListener listener;

    WeavingTransformer(AgentOptions options, AgentListener listener) {
        this.weaver = options.keepLocals ? new Weaver().keepingLocals() : new Weaver();
        this.options = options;
        this.listener = listener;
    }

    /**
     * {@code className} is null for a class defined without a name ({@code defineClass(null, bytes, ...)}): the name
     * is then read from the bytes by the weaver, and the checks by name wait until it is known.
     */
    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
                            byte[] classFile) {
        if (loader == null || (className != null && !selects(className))) {
            return null;
        }
        String name = className;
        try {
            if (!weaver.mayNeedWeaving(classFile)) {
                return null;
            }
            WeaveResult result = weaver.weave(classFile, origin(className, domain));
            if (name == null && result.className() != null) {
                name = result.className().replace('.', '/');
                if (!selects(name)) {
                    return null;
                }
            }
            switch (result.outcome()) {
                case WOVEN:
                    listener.woven(name);
                    dump(name, result.bytes());
                    return result.bytes();
                case REFUSED:
                    listener.refused(name, result.problems());
                    return null;
                default:
                    return null;
            }
        } catch (Throwable failure) {
            try {
                listener.failed(name, failure);
            } catch (Throwable unreported) {
                // Reporting failed too (a broken logger): the class still loads unwoven, and the application runs on.
            }
            return null;
        }
    }

    private boolean selects(String internalName) {
        return !isWeftItself(internalName) && options.selects(internalName);
    }

    /**
     * Where the class comes from, for the weaver's problems to name: {@code file:/app/app.jar!/com/example/Foo.class},
     * {@code file:/app/classes/com/example/Foo.class}, or the class file's name alone without a code source.
     */
    private static String origin(String className, ProtectionDomain domain) {
        CodeSource source = domain == null ? null : domain.getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (className == null) {
            return location == null ? UNNAMED : UNNAMED + " from " + location;
        }
        String file = className + ".class";
        if (location == null) {
            return file;
        }
        String where = location.toString();
        return where.endsWith("/") ? where + file : where + "!/" + file;
    }

    /** Weft's runtime, weaver and agent: the packages of the library itself, not those of code that uses it. */
    static boolean isWeftItself(String className) {
        return directlyIn(className, "dev/weft/") || className.startsWith("dev/weft/internal/")
                || className.startsWith("dev/weft/agent/") || directlyIn(className, "dev/weft/weaver/")
                || className.startsWith("dev/weft/weaver/internal/");
    }

    private static boolean directlyIn(String className, String packagePrefix) {
        return className.startsWith(packagePrefix) && className.indexOf('/', packagePrefix.length()) < 0;
    }

    private void dump(String className, byte[] bytes) throws IOException {
        if (options.dump != null) {
            Path file = options.dump.resolve(className + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        }
    }
}
