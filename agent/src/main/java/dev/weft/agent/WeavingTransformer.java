package dev.weft.agent;

import dev.weft.weaver.Problem;
import dev.weft.weaver.WeaveResult;
import dev.weft.weaver.Weaver;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * Weaves classes as they load. Classes without {@code @Async} cost one constant-pool scan and are returned as
 * {@code null} (unchanged). A class the weaver refuses is reported once and loaded unwoven, so its coroutines fail
 * loudly when called; a failure inside the weaver never reaches the application.
 */
final class WeavingTransformer implements ClassFileTransformer {
    private static final System.Logger LOG = System.getLogger("dev.weft.agent");

    private final Weaver weaver = new Weaver();

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
                            byte[] classFile) {
        if (loader == null || className == null || className.startsWith("dev/weft/")
                || !weaver.mayNeedWeaving(classFile)) {
            return null;
        }
        try {
            WeaveResult result = weaver.weave(classFile);
            switch (result.outcome()) {
                case WOVEN:
                    return result.bytes();
                case REFUSED:
                    for (Problem p : result.problems()) {
                        LOG.log(System.Logger.Level.ERROR, "Weft cannot weave " + p
                                + " (the class is loaded unwoven: its coroutines will fail when called)");
                    }
                    return null;
                default:
                    return null;
            }
        } catch (Throwable bug) {
            LOG.log(System.Logger.Level.ERROR, "Weft failed on " + className + "; loaded unwoven", bug);
            return null;
        }
    }
}
