package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.ops.Backup;
import dev.strata.cli.ops.Backups;
import dev.strata.cli.ops.Migrator;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.ProjectConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;

/** {@code strata backup [--name NAME]}: an online backup of the database with its SHA-256. */
@Command(name = "backup", mixinStandardHelpOptions = true, description = "Back up the database into the backups folder.")
public final class BackupCommand extends StrataSubcommand {

    @Option(names = "--name", paramLabel = "NAME", description = "Keep this backup for good as <db>.NAME.db: pruning never removes it"
            + " (e.g. before-v0.3.0 before a deploy).")
    String name;

    @Override
    int execute() {
        ProjectConfig config = config();
        if (!Files.isRegularFile(config.database())) {
            throw new InvalidInputException(config.show(config.database()) + ": no such database; nothing to back up");
        }
        Backup b = Operations.database(config).locked(line -> out().println(line), () -> name == null
                ? Backups.backup(config.database(), config.backups(), config.keepBackups(), clock())
                : Backups.named(config.database(), config.backups(), name));
        out().println(config.show(b.file()) + "  sha256 " + b.sha256() + (name == null ? "" : "  (named: pruning never removes it)"));
        Migrator.say(b.pruned().stream().map(config::show).map(java.nio.file.Path::of).toList(), config.keepBackups(), out()::println);
        return ExitCode.OK;
    }
}
