package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.ops.Migrator;
import dev.strata.cli.project.ProjectConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code strata stamp REV}: record the database as being at a revision without running anything. */
@Command(name = "stamp", mixinStandardHelpOptions = true,
        description = "Record the database as being at REV without running any migration (for databases changed by other means).")
public final class StampCommand extends StrataSubcommand {

    @Parameters(paramLabel = "REV", description = "head, base, a revision number or slug.")
    String target;

    @Override
    int execute() {
        ProjectConfig config = config();
        var folder = Operations.flywayMigrations(config);
        var revisions = project().verifiedRevisions();
        var db = Operations.database(config);
        int to = Operations.target(target, revisions, Operations.head(folder), db.currentVersion());
        Migrator.Outcome outcome = Operations.migrator(config, revisions, folder, clock(), out()).stamp(to);
        out().println("stamped " + config.show(db.file()) + " at version " + outcome.to() + " (was " + outcome.from() + "); nothing was run");
        return Operations.verify(config, revisions, db, out());
    }
}
