package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.OperationFailedException;
import dev.strata.cli.ops.Backup;
import dev.strata.cli.ops.Backups;
import dev.strata.cli.project.ProjectConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code strata restore FILE}: replace the database by a verified backup, keeping the file's owner and mode,
 * after backing up the database it replaces (under a name pruning never removes).
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Replace the database by a backup, after checking it is a SQLite file with the recorded SHA-256;"
                + " the database it replaces is backed up first.")
public final class RestoreCommand extends StrataSubcommand {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Parameters(paramLabel = "FILE", description = "A backup made by strata (with its .sha256 beside it).")
    Path file;

    @Override
    int execute() {
        ProjectConfig config = config();
        Path backup = config.root().resolve(file);
        Path db = config.database();
        return Operations.database(config).locked(line -> out().println(line), () -> {
            if (Files.isRegularFile(db) && Files.isRegularFile(backup) && sameBytes(db, backup)) {
                out().println("nothing to restore: " + config.show(db) + " is byte for byte " + config.show(backup)
                        + " (no operation changed it since); it was left as it was");
                return ExitCode.OK;
            }
            try {
                Backups.check(backup, null);
            } catch (IOException e) {
                throw new OperationFailedException("reading " + config.show(backup) + " failed: " + e.getMessage() + "; nothing was restored", e);
            }
            if (Files.isRegularFile(db)) {
                Backup before = Backups.named(db, config.backups(), "before-restore-" + STAMP.format(clock().instant()));
                out().println("backed up the database it replaces to " + config.show(before.file()) + " (sha256 " + before.sha256()
                        + "; pruning never removes it)");
            }
            Backups.restore(backup, db, null);
            out().println("restored " + config.show(db) + " from " + config.show(backup) + " (owner and mode kept)");
            return ExitCode.OK;
        });
    }

    private static boolean sameBytes(Path a, Path b) {
        try {
            return Backups.sha256(a).equals(Backups.sha256(b));
        } catch (IOException e) {
            throw new OperationFailedException("reading " + a + " and " + b + " to compare them: " + e.getMessage(), e);
        }
    }
}
