package dev.weft.weaver.classfile;

import dev.weft.weaver.WeaveResult;
import dev.weft.weaver.Weaver;
import dev.weft.weaver.validation.Targets;
import dev.weft.weaver.validation.WeavingClassLoader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The validation targets are compiled for the release the build asked for (Maven property {@code weft.test.release},
 * passed to the tests as {@code weft.targets.release}: 17 by default and 25 in CI's JDK 25 pass), so the whole
 * validation suite weaves and runs class files of that version. Without this check a build flag that failed to reach
 * the compiler would leave every target at 17 and pass unnoticed.
 */
class ClassFileVersionTest {
    /** Class-file major version of Java release N is N + 44 (Java 8 is 52, 17 is 61, 25 is 69). */
    private static final int MAJOR_OF_RELEASE_ZERO = 44;

    private static int requestedMajor() {
        String release = System.getProperty("weft.targets.release");
        assertNotNull(release, "the build must pass weft.targets.release to the tests (see weaver/pom.xml)");
        return MAJOR_OF_RELEASE_ZERO + Integer.parseInt(release);
    }

    private static int major(byte[] classFile) {
        return ((classFile[6] & 0xFF) << 8) | (classFile[7] & 0xFF);
    }

    @Test
    void validationTargetsHaveTheClassFileVersionOfTheRequestedRelease() {
        for (String target : new String[] {"Basics", "Loops", "TryCatch", "Switches", "StackOperands"}) {
            byte[] original = WeavingClassLoader.original(WeavingClassLoader.TARGETS + target);
            assertEquals(requestedMajor(), major(original), target);
        }
    }

    @Test
    void wovenTargetKeepsItsClassFileVersionAndRuns() throws Throwable {
        byte[] original = WeavingClassLoader.original(WeavingClassLoader.TARGETS + "Basics");
        WeaveResult woven = new Weaver().weave(original);
        assertEquals(WeaveResult.Outcome.WOVEN, woven.outcome(), woven.problems().toString());
        assertEquals(requestedMajor(), major(woven.bytes()));
        assertEquals(7, new Targets().run("Basics", "add", 3, 4));
    }
}
