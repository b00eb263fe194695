package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.OperationFailedException;
import dev.strata.cli.ops.LiveDatabase;
import dev.strata.cli.ops.Migrator;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.MigrationPair;
import dev.strata.cli.project.ProjectConfig;
import dev.strata.events.Revision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code strata upgrade [TARGET]}: back up, apply the pending V files through Flyway, verify. */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = "Back up the database, apply pending migrations up to TARGET (default head), verify the result.")
public final class UpgradeCommand extends StrataSubcommand {

    @Parameters(arity = "0..1", paramLabel = "TARGET", description = "head (default), a revision number or slug.")
    String target;

    @Option(names = "--no-backup", description = "Skip the backup (scratch databases only).")
    boolean noBackup;

    @Option(names = "--dry-run", description = "Print the SQL that would run; change nothing.")
    boolean dryRun;

    @Option(names = "--environment", paramLabel = "NAME", description = "Record the deployment to NAME in the registry (--registry).")
    String environment;

    @Override
    int execute() {
        ProjectConfig config = config();
        MigrationFolder folder = Operations.flywayMigrations(config);
        int head = Operations.head(folder);
        if (head == 0) {
            throw new InvalidInputException("no migrations in " + config.show(config.migrations())
                    + ": nothing to apply; run strata in a project (-C DIR) or give --migrations DIR");
        }
        List<Revision> revisions = project().verifiedRevisions();
        LiveDatabase db = Operations.database(config);
        int current = db.currentVersion();
        String ahead = Operations.ahead(current, head);
        if (ahead != null) {
            err().println("error: " + ahead);
            return ExitCode.CHECK_FAILED;
        }
        int to = Operations.target(target, revisions, head, current);
        Migrator migrator = Operations.migrator(config, revisions, folder, clock(), out());
        Integer interrupted = current < revisions.size() ? Operations.interrupted(revisions, db) : null;
        if (interrupted != null && !dryRun) {
            recordInterrupted(config, db, migrator, interrupted, revisions);
        }
        if (dryRun) {
            List<MigrationPair> pending = migrator.pending(to);
            DryRun.print(out(), config, migrator, noBackup || pending.isEmpty(), pending.stream().map(MigrationPair::up).toList(),
                    "upgrade " + config.show(db.file()) + " from version " + db.currentVersion() + " to " + to,
                    p -> p, p -> p.text(), p -> "");
            return ExitCode.OK;
        }
        int from = interrupted != null ? interrupted : current;
        Migrator.Outcome outcome;
        try {
            outcome = migrator.upgrade(to, !noBackup);
        } catch (OperationFailedException e) {
            record(config, from, to, "rolled_back", null);
            throw e;
        }
        if (!outcome.versions().isEmpty() && environment != null) {
            Verification v = Verification.of(config, revisions, folder, db);
            out().println("verify: " + v.summary());
            record(config, outcome.from(), outcome.to(), "succeeded", v.summary());
        }
        if (outcome.versions().isEmpty()) {
            out().println(config.show(db.file()) + " is up to date at version " + outcome.to());
        } else {
            out().println("upgraded " + config.show(db.file()) + " from version " + outcome.from() + " to " + outcome.to()
                    + " (applied " + outcome.versions() + ")");
        }
        return Operations.verify(config, revisions, db, out());
    }

    /**
     * Records a version that ran but whose history row was never written, after checking that the file is sound
     * and its schema is exactly that version's.
     */
    private void recordInterrupted(ProjectConfig config, LiveDatabase db, Migrator migrator, int version, List<Revision> revisions) {
        List<String> problems = new java.util.ArrayList<>(db.integrityProblems());
        problems.addAll(db.foreignKeyViolations());
        if (!problems.isEmpty()) {
            throw new OperationFailedException(Operations.interruptedMessage(version, revisions) + "\nbut "
                    + config.show(db.file()) + " fails its checks (" + String.join("; ", problems) + "), so it was not recorded;"
                    + " nothing was changed. Restore the backup made before the interrupted upgrade (strata restore)");
        }
        migrator.stamp(version);
        out().println("V" + version + " ran but was not recorded (interrupted); the live schema is revision "
                + revisions.get(version - 1).label() + "'s and the file passes integrity and foreign-key checks, so it is recorded now");
    }

    private void record(ProjectConfig config, int from, int to, String outcome, String verified) {
        if (environment == null) {
            return;
        }
        String by = dev.strata.cli.git.Author.of(config.root(), null);
        RegistryCalls.require(RegistryCalls.client(config).deployment(config.subject(), environment, from, to, outcome, by, verified),
                "recording the deployment to " + environment);
        out().println("recorded the deployment to " + environment + " (" + from + " -> " + to + ", " + outcome
                + (verified == null ? "" : ", verify " + verified) + ") in " + config.registry());
    }
}
