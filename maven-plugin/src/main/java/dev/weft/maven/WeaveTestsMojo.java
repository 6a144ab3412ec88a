package dev.weft.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * Goal {@code weft:weave-tests}: weaves the project's test classes ({@code ${project.build.testOutputDirectory}}) in
 * place, by default in the {@code process-test-classes} phase, right after they are compiled and before they run.
 *
 * <p>It does for test classes what {@code weft:weave} does for main classes, with the same parameters. A project
 * without test classes (no test output directory) is passed over quietly.
 */
@Mojo(name = "weave-tests", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES, threadSafe = true)
public class WeaveTestsMojo extends AbstractWeaveMojo {

    /** The directory of the compiled test classes to weave. */
    @Parameter(defaultValue = "${project.build.testOutputDirectory}", required = true)
    private File testClassesDirectory;

    @Override
    protected File classesDirectory() {
        return testClassesDirectory;
    }

    @Override
    protected String kindOfClass() {
        return "test class";
    }
}
