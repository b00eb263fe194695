package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.ops.LiveDatabase;
import dev.strata.cli.ops.Migrator;
import dev.strata.cli.layout.FlywayLayout;
import dev.strata.cli.layout.Layout;
import dev.strata.cli.layout.Layouts;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.ProjectConfig;
import dev.strata.events.Revision;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;

/** What upgrade, downgrade and current share: the database, the migrator, target names, drift. */
final class Operations {

    private Operations() {
    }

    static LiveDatabase database(ProjectConfig config) {
        return new LiveDatabase(config.database());
    }

    /**
     * @param revisions the project's revisions (none for a Flyway folder without events), whose hashes are stored
     *                  with each version's undo script
     * @param folder    the migrations, from {@link #flywayMigrations}
     */
    static Migrator migrator(ProjectConfig config, List<Revision> revisions, MigrationFolder folder, Clock clock, PrintWriter out) {
        java.util.Map<Integer, String> hashes = new java.util.HashMap<>();
        revisions.forEach(r -> {
            if (r.hash() != null) {
                hashes.put(r.number(), r.hash());
            }
        });
        return new Migrator(database(config), config.migrations(), folder, hashes, config.backups(), config.keepBackups(), clock,
                line -> {
                    out.println(line);
                    out.flush();
                });
    }

    /** The migrations, which must be Flyway's: upgrade, downgrade and stamp run Flyway itself. */
    static MigrationFolder flywayMigrations(ProjectConfig config) {
        Layout layout = Layouts.of(config);
        if (!(layout instanceof FlywayLayout)) {
            throw new InvalidInputException(config.show(config.migrations()) + " is a " + layout.name() + " folder, and strata upgrade,"
                    + " downgrade and stamp run Flyway on V/U files; fix: run `strata convert --to db/migration` and point --migrations"
                    + " (or strata.yaml's migrations) at that folder, or keep migrating with " + layout.name() + " and use strata check");
        }
        return layout.read(config.migrations(), config.show(config.migrations()));
    }

    /** The newest version of the migrations (0 for none). */
    static int head(MigrationFolder folder) {
        var pairs = folder.pairs();
        return pairs.isEmpty() ? 0 : pairs.get(pairs.size() - 1).version();
    }

    /** {@code head}, {@code base}, a number, a slug, or {@code -N} relative to {@code current}. */
    static int target(String value, List<Revision> revisions, int head, int current) {
        if (value == null || value.equals("head")) {
            return head;
        }
        if (value.equals("base")) {
            return 0;
        }
        if (value.matches("-\\d+")) {
            int back = Integer.parseInt(value.substring(1));
            if (back > current) {
                throw new InvalidInputException(value + ": the database is at " + current + ", so it can go back at most " + current
                        + " revision(s); nothing was changed. Give base to undo every revision");
            }
            return current - back;
        }
        if (value.matches("\\d+")) {
            int n = Integer.parseInt(value);
            if (n > Math.max(head, current)) {
                throw new InvalidInputException("no revision " + n + ": the migrations end at " + head);
            }
            return n;
        }
        return RevisionSelector.bySlug(value, value, revisions, "give head, base, -N, a number or a slug");
    }

    /**
     * The line that says a database at {@code version} is ahead of the checkout, or null when it is not: someone
     * checked out an older tag before rolling the database back.
     */
    static String ahead(int version, int head) {
        if (version <= head) {
            return null;
        }
        return "the database is at " + version + ", ahead of this checkout (head " + head + "); `strata downgrade " + head
                + "` rolls it back using the undo scripts stored in the database";
    }

    /**
     * The version that ran but was not recorded, or null: the live schema differs from the recorded revision's
     * and equals the next one's, as when a migration Flyway runs outside a transaction committed and the
     * process died before its history row was written.
     */
    static Integer interrupted(List<Revision> revisions, LiveDatabase db) {
        int version = db.currentVersion();
        if (!db.exists() || version >= revisions.size()) {
            return null;
        }
        return LiveSchema.judge(revisions, version, db.schema(), "").interrupted();
    }

    static String interruptedMessage(int version, List<Revision> revisions) {
        return "V" + version + " ran but was not recorded (interrupted): the live schema is revision " + revisions.get(version - 1).label()
                + "'s while flyway_schema_history ends at " + (version - 1) + "; `strata upgrade` checks the file and records it";
    }

    /** Compares the live schema with the projection at its version; prints drift and returns the exit code. */
    static int verify(ProjectConfig config, List<Revision> revisions, LiveDatabase db, PrintWriter out) {
        if (revisions.isEmpty()) {
            return ExitCode.OK;
        }
        LiveDatabase.State state = db.state();
        int version = state.version();
        if (version > revisions.size()) {
            out.println(ahead(version, revisions.size()));
            return ExitCode.CHECK_FAILED;
        }
        LiveSchema live = LiveSchema.judge(revisions, version, state.schema(), config.show(db.file()));
        if (live.interrupted() != null) {
            out.println(interruptedMessage(live.interrupted(), revisions));
            return ExitCode.CHECK_FAILED;
        }
        if (live.drift().isEmpty()) {
            return ExitCode.OK;
        }
        out.println("drift: " + config.show(db.file()) + " differs from revision " + version + " (someone changed it by hand):");
        live.drift().forEach(d -> out.println("  " + d.message()));
        return ExitCode.CHECK_FAILED;
    }
}
