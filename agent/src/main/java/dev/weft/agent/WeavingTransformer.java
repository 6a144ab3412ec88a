package dev.weft.agent;

import dev.weft.weaver.WeaveResult;
import dev.weft.weaver.Weaver;

import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;

/**
 * Weaves classes as they load.
 *
 * <p>Order of checks, cheapest first: classes of the bootstrap loader (the JDK) and Weft's own are passed over
 * without looking at their bytes; then the include/exclude prefixes; then a scan of the constant pool, which rejects
 * every class that names neither {@code @Async} nor {@code Weft}. Only what is left is parsed and woven. For every
 * class it does not weave the transformer returns {@code null}, so the JVM keeps the original bytes.
 *
 * <p>A refused class is reported once and loaded unwoven, so its coroutines fail loudly when called. Any failure
 * inside the transformer is caught and reported: it never reaches the application, and since the weaver returns
 * either a whole woven class or nothing, no class is ever half woven.
 */
final class WeavingTransformer implements ClassFileTransformer {
    private final Weaver weaver = new Weaver();
    private final AgentOptions options;
    private final AgentListener listener;

    WeavingTransformer(AgentOptions options, AgentListener listener) {
        this.options = options;
        this.listener = listener;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
                            byte[] classFile) {
        if (loader == null || className == null || isWeftItself(className) || !options.selects(className)) {
            return null;
        }
        try {
            if (!weaver.mayNeedWeaving(classFile)) {
                return null;
            }
            WeaveResult result = weaver.weave(classFile);
            switch (result.outcome()) {
                case WOVEN:
                    listener.woven(className);
                    dump(className, result.bytes());
                    return result.bytes();
                case REFUSED:
                    listener.refused(className, result.problems());
                    return null;
                default:
                    return null;
            }
        } catch (Throwable failure) {
            listener.failed(className, failure);
            return null;
        }
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
