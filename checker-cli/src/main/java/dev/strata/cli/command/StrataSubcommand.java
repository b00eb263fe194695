package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.OperationFailedException;
import dev.strata.cli.StrataCommand;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.Project;
import dev.strata.cli.project.ProjectConfig;
import dev.strata.events.InvalidEventException;
import dev.strata.events.json.RevisionFormatException;
import dev.strata.events.sqlite.UnsupportedSchemaException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/**
 * The base of every verb: runs it and maps failures to exit codes in one place, printing
 * {@code error: <message>} (and the stack trace only with {@code --stacktrace}).
 */
abstract class StrataSubcommand implements Callable<Integer> {

    @ParentCommand
    StrataCommand root;

    @Spec
    CommandSpec spec;

    /** The verb's work; returns its exit code. */
    abstract int execute();

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (InvalidInputException | RevisionFormatException | InvalidEventException e) {
            return fail(e, ExitCode.BAD_INPUT);
        } catch (RegistryCalls.RefusedException | dev.strata.cli.registry.UntrustedRegistryException e) {
            return fail(e, ExitCode.CHECK_FAILED);
        } catch (OperationFailedException | UncheckedIOException | UnsupportedSchemaException e) {
            return fail(e, ExitCode.OPERATION_FAILED);
        } catch (RuntimeException e) {
            err().println("error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + (root.options().stacktrace ? "" : " (run with --stacktrace and report it)"));
            trace(e);
            return ExitCode.OPERATION_FAILED;
        }
    }

    private int fail(RuntimeException e, int code) {
        err().println("error: " + e.getMessage());
        trace(e);
        return code;
    }

    private void trace(Throwable e) {
        if (root.options().stacktrace) {
            StringWriter w = new StringWriter();
            e.printStackTrace(new PrintWriter(w));
            err().print(w);
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Now, from the clock the command line was given. */
    java.time.Clock clock() {
        return root.clock();
    }

    ProjectConfig config() {
        return root.config();
    }

    Project project() {
        return new Project(config());
    }
}
