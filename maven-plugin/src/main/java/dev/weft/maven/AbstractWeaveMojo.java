package dev.weft.maven;

import dev.weft.weaver.DirectoryWeaver;
import dev.weft.weaver.Problem;
import dev.weft.weaver.Weaver;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the {@code weave} and {@code weave-tests} goals share: weave the class files of one directory in place with
 * {@link DirectoryWeaver}, log what was done, and fail the build if a class breaks a weaving rule.
 *
 * <p>The weaving itself is the weaver's; this class only chooses the files, reports and fails. Every selected class
 * is woven even when another is refused, so the failure lists all problems at once; a damaged class file, or a file
 * named {@code .class} that is not one, is such a problem, named by its path, and never a stack trace. Classes already woven (an
 * incremental build without {@code clean}) are passed over by the weaver, and only woven classes are written back.
 */
public abstract class AbstractWeaveMojo extends AbstractMojo {

    /** Skip weaving. Code that reaches {@code await} in classes left unwoven throws {@code IllegalStateException}. */
    @Parameter(property = "weft.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Ant-style patterns of the class files to weave, relative to the classes directory ({@code com/example/**},
     * {@code **}{@code /*Service.class}). By default every class file is considered; classes without {@code @Async}
     * are cheaply passed over.
     */
    @Parameter
    private List<String> includes;

    /** Ant-style patterns of class files to leave alone, relative to the classes directory; they win over includes. */
    @Parameter
    private List<String> excludes;

    /** Log each woven class at info level, besides the summary line. */
    @Parameter(property = "weft.verbose", defaultValue = "false")
    private boolean verbose;

    /**
     * Weave for debugging: save every local at an await, live or dead, so that a debugger stopped after the await
     * shows each variable's value. Suspended tasks then keep dead objects reachable: for debug builds only.
     */
    @Parameter(property = "weft.keepLocals", defaultValue = "false")
    private boolean keepLocals;

    /** The directory whose class files this goal weaves. */
    protected abstract File classesDirectory();

    /** What the classes are called in the log: {@code "class"} or {@code "test class"}. */
    protected abstract String kindOfClass();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Weft: weaving skipped (weft.skip)");
            return;
        }
        Path directory = classesDirectory().toPath();
        if (!Files.isDirectory(directory)) {
            getLog().debug("Weft: " + directory + " does not exist; nothing to weave");
            return;
        }
        if (keepLocals) {
            getLog().info("Weft: keeping every local at each await, for debugging (weft.keepLocals)");
        }
        Weaver weaver = keepLocals ? new Weaver().keepingLocals() : new Weaver();
        DirectoryWeaver.Report report;
        try {
            report = new DirectoryWeaver(weaver).weave(directory, new ClassFileSelector(includes, excludes));
        } catch (IOException e) {
            throw new MojoExecutionException("Weft: cannot weave the classes in " + directory + ": " + e, e);
        }
        if (verbose) {
            for (String wovenClass : report.wovenClasses()) {
                getLog().info("Weft: wove " + wovenClass);
            }
        }
        getLog().info(summary(report));
        if (!report.problems().isEmpty()) {
            throw new MojoFailureException(failureMessage(directory, report));
        }
    }

    private String summary(DirectoryWeaver.Report report) {
        String line = "Weft: wove " + count(report.wovenClasses().size()) + ", " + report.untouchedCount()
                + " untouched";
        if (!report.refusedClasses().isEmpty()) {
            line += ", " + report.refusedClasses().size() + " refused";
        }
        return line;
    }

    private String failureMessage(Path directory, DirectoryWeaver.Report report) {
        StringBuilder message = new StringBuilder("Weft could not weave ")
                .append(count(report.refusedClasses().size())).append(" in ").append(directory)
                .append(" (the other classes were woven); fix each problem below:");
        for (Problem problem : report.problems()) {
            message.append(System.lineSeparator()).append(problem);
        }
        return message.toString();
    }

    private String count(int classes) {
        String kind = kindOfClass();
        return classes + " " + (classes == 1 ? kind : kind.replace("class", "classes"));
    }
}
