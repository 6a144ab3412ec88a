package dev.weft.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * Goal {@code weft:weave}: weaves the project's main classes ({@code ${project.build.outputDirectory}}) in place, by
 * default in the {@code process-classes} phase, right after they are compiled and before tests and packaging.
 *
 * <p>Each {@code @Async} method becomes a resumable state machine; classes without {@code @Async}, and classes woven
 * by an earlier build, are left as they are. If a class breaks a weaving rule (an {@code await} outside an
 * {@code @Async} method or in a lambda, for instance), the other classes are still woven and then the build fails,
 * with one line per problem: {@code pkg.Cls.method(Cls.java:12): what to do}.
 */
@Mojo(name = "weave", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class WeaveMojo extends AbstractWeaveMojo {

    /** The directory of the compiled main classes to weave. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    private File classesDirectory;

    @Override
    protected File classesDirectory() {
        return classesDirectory;
    }

    @Override
    protected String kindOfClass() {
        return "class";
    }
}
