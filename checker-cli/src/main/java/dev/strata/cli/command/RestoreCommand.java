package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.ops.Backups;
import dev.strata.cli.project.ProjectConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** {@code strata restore FILE}: replace the database by a verified backup. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Replace the database by a backup, after checking it is a SQLite file with the recorded SHA-256.")
public final class RestoreCommand extends StrataSubcommand {

    @Parameters(paramLabel = "FILE", description = "A backup made by strata (with its .sha256 beside it).")
    Path file;

    @Override
    int execute() {
        ProjectConfig config = config();
        Path backup = config.root().resolve(file);
        Operations.database(config).locked(line -> out().println(line), () -> {
            Backups.restore(backup, config.database(), null);
            return null;
        });
        out().println("restored " + config.show(config.database()) + " from " + config.show(backup));
        return ExitCode.OK;
    }
}
