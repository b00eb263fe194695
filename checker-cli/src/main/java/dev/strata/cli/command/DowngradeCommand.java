package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.ops.LiveDatabase;
import dev.strata.cli.ops.Migrator;
import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.ProjectConfig;
import dev.strata.events.Revision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code strata downgrade TARGET}: back up, run the U files in reverse, remove their history rows, verify. */
@Command(name = "downgrade", mixinStandardHelpOptions = true,
        description = "Back up the database and undo migrations down to TARGET: -1, -N, a revision, or base.")
public final class DowngradeCommand extends StrataSubcommand {

    @Parameters(paramLabel = "TARGET", description = "-1, -N, a revision number or slug, or base.")
    String target;

    @Option(names = "--no-backup", description = "Skip the backup (scratch databases only).")
    boolean noBackup;

    @Option(names = "--dry-run", description = "Print the SQL that would run, in order, with the backup; change nothing.")
    boolean dryRun;

    @Override
    int execute() {
        ProjectConfig config = config();
        MigrationFolder folder = Operations.flywayMigrations(config);
        List<Revision> revisions = project().verifiedRevisions();
        int head = Operations.head(folder);
        LiveDatabase db = Operations.database(config);
        if (!db.exists()) {
            throw new dev.strata.cli.project.InvalidInputException(config.show(db.file()) + ": no such database; nothing to downgrade");
        }
        int to = Operations.target(target, revisions, head, db.currentVersion());
        Migrator migrator = Operations.migrator(config, revisions, folder, clock(), out());
        if (dryRun) {
            List<Migrator.UndoStep> steps = migrator.undoSteps(to);
            DryRun.print(out(), config, migrator, noBackup || steps.isEmpty(), steps,
                    "downgrade " + config.show(db.file()) + " from version " + db.currentVersion() + " to " + to,
                    Migrator.UndoStep::script, s -> String.join(";\n", s.asRun().statements()) + ";\n", s -> s.stored() ? ", stored in the database" : "");
            return ExitCode.OK;
        }
        Migrator.Outcome outcome = migrator.downgrade(to, !noBackup);
        if (outcome.versions().isEmpty()) {
            out().println(config.show(db.file()) + " is already at version " + outcome.to());
        } else {
            out().println("downgraded " + config.show(db.file()) + " from version " + outcome.from() + " to " + outcome.to());
        }
        return outcome.versions().isEmpty() ? ExitCode.OK : Operations.verify(config, revisions, db, out());
    }
}
