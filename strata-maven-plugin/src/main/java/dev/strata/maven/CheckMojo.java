package dev.strata.maven;

import dev.strata.cli.ExitCode;
import dev.strata.cli.StrataCommand;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code strata:check}: renders the entities' models (as {@code strata:models} does), then runs
 * {@code strata check --models target/strata/models.sql} on the Strata project in the module's folder,
 * in-process. The build fails as the command would: a failed check (exit code 1) is a build failure
 * with the report printed; bad input (2) or a failed operation (3) is an execution error.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class CheckMojo extends EntitiesMojo {

    /** The Strata project (its strata.yaml, events and migrations). */
    @Parameter(property = "strata.directory", defaultValue = "${project.basedir}", required = true)
    File directory;

    /** More arguments for {@code strata check}, e.g. {@code --format} {@code junit} {@code --output} {@code target/strata.xml}. */
    @Parameter(property = "strata.arguments")
    List<String> arguments = new ArrayList<>();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("strata: skipped (strata.skip)");
            return;
        }
        Path file = renderModels();
        List<String> args = new ArrayList<>(List.of("-C", directory.getAbsolutePath(), "--models", file.toString(), "check"));
        args.addAll(arguments);
        String[] argv = args.toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StrataCommand.commandLine(argv).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(argv);
        out.toString().lines().forEach(line -> {
            if (code == ExitCode.OK) {
                getLog().info(line);
            } else {
                getLog().error(line);
            }
        });
        String message = err.toString().strip();
        if (code == ExitCode.OK) {
            return;
        }
        if (code == ExitCode.CHECK_FAILED) {
            throw new MojoFailureException("strata check failed: the migrations in " + shown(directory.toPath())
                    + " do not pass (the report above names each finding and its fix)");
        }
        String reason = message.isEmpty() ? "exit code " + code : message.replaceFirst("^error: ", "");
        throw new MojoExecutionException("strata check could not run (" + (code == ExitCode.BAD_INPUT ? "bad input" : "operation failed")
                + "): " + reason);
    }
}
