package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.ops.Backup;
import dev.strata.cli.ops.Backups;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.ProjectConfig;
import picocli.CommandLine.Command;

import java.nio.file.Files;
import java.time.Clock;

/** {@code strata backup}: an online backup of the database with its SHA-256. */
@Command(name = "backup", mixinStandardHelpOptions = true, description = "Back up the database into the backups folder.")
public final class BackupCommand extends StrataSubcommand {

    @Override
    int execute() {
        ProjectConfig config = config();
        if (!Files.isRegularFile(config.database())) {
            throw new InvalidInputException(config.show(config.database()) + ": no such database; nothing to back up");
        }
        Backup b = Backups.backup(config.database(), config.backups(), config.keepBackups(), Clock.systemUTC());
        out().println(config.show(b.file()) + "  sha256 " + b.sha256());
        return ExitCode.OK;
    }
}
