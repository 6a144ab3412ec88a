package dev.weft.maven;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The includes and excludes of both goals select class files the way Ant and Maven patterns do. */
class ClassFileSelectorTest {

    @Test
    void doubleStarMatchesZeroOrMoreFolders() {
        assertTrue(ClassFileSelector.matches("com/example/**", "com/example/Foo.class"));
        assertTrue(ClassFileSelector.matches("com/example/**", "com/example/deep/down/Foo.class"));
        assertFalse(ClassFileSelector.matches("com/example/**", "com/other/Foo.class"));
        assertTrue(ClassFileSelector.matches("**/Foo.class", "Foo.class"));
        assertTrue(ClassFileSelector.matches("**/Foo.class", "a/b/Foo.class"));
        assertTrue(ClassFileSelector.matches("com/**/impl/*.class", "com/impl/A.class"));
        assertTrue(ClassFileSelector.matches("com/**/impl/*.class", "com/x/y/impl/A.class"));
        assertFalse(ClassFileSelector.matches("com/**/impl/*.class", "com/x/y/impl/sub/A.class"));
        assertTrue(ClassFileSelector.matches("**", "any/thing.class"));
    }

    @Test
    void starAndQuestionMarkStayWithinOneSegment() {
        assertTrue(ClassFileSelector.matches("com/*/Foo.class", "com/example/Foo.class"));
        assertFalse(ClassFileSelector.matches("com/*/Foo.class", "com/a/b/Foo.class"));
        assertTrue(ClassFileSelector.matches("**/*Service*.class", "a/OrderService$Inner.class"));
        assertFalse(ClassFileSelector.matches("**/*Service.class", "a/OrderService$Inner.class"));
        assertTrue(ClassFileSelector.matches("a/Fo?.class", "a/Foo.class"));
        assertFalse(ClassFileSelector.matches("a/Fo?.class", "a/Fooo.class"));
        assertFalse(ClassFileSelector.matches("*.class", "a/Foo.class"));
    }

    @Test
    void trailingSlashBackslashesAndLeadingSlashAreNormalized() {
        assertTrue(ClassFileSelector.matches("com/example/", "com/example/sub/Foo.class"));
        assertTrue(ClassFileSelector.matches("com\\example\\**", "com/example/Foo.class"));
        assertTrue(ClassFileSelector.matches("/com/example/Foo.class", "com/example/Foo.class"));
    }

    @Test
    void noIncludesMeansEverythingAndExcludesWin() {
        ClassFileSelector everything = new ClassFileSelector(null, null);
        assertTrue(everything.test("com/example/Foo.class"));

        ClassFileSelector selector = new ClassFileSelector(List.of("com/example/**"), List.of("**/generated/**"));
        assertTrue(selector.test("com/example/Foo.class"));
        assertFalse(selector.test("com/other/Foo.class"));
        assertFalse(selector.test("com/example/generated/Foo.class"));
    }
}
