package dev.strata.cli.ops;

import dev.strata.cli.OperationFailedException;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.MigrationPair;
import dev.strata.events.sql.SqlScript;
import dev.strata.events.sqlite.ScriptRunner;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Upgrades through Flyway Core (so {@code flyway_schema_history} is exactly what stock Flyway or
 * Spring Boot writes) and downgrades through the U files, removing their history rows in the same
 * transaction. Both back the database up first and restore it if anything fails.
 */
public final class Migrator {

    /** What an operation did. */
    public record Outcome(int from, int to, List<Integer> versions, Backup backup) {
    }

    private final LiveDatabase db;
    private final MigrationFolder folder;
    private final Path migrations;
    private final Path backups;
    private final int keepBackups;
    private final Clock clock;
    private final Consumer<String> say;

    public Migrator(LiveDatabase db, Path migrations, MigrationFolder folder, Path backups, int keepBackups, Clock clock,
                    Consumer<String> say) {
        this.db = db;
        this.migrations = migrations;
        this.folder = folder;
        this.backups = backups;
        this.keepBackups = keepBackups;
        this.clock = clock;
        this.say = say;
    }

    private Flyway flyway(int target) {
        return Flyway.configure()
                .dataSource(db.url() + "?foreign_keys=true", null, null)
                .locations("filesystem:" + migrations.toAbsolutePath())
                .target(String.valueOf(target))
                .loggers("slf4j")
                .load();
    }

    /** The V files Flyway would apply to reach {@code target}. */
    public List<MigrationPair> pending(int target) {
        int current = db.currentVersion();
        return folder.pairs().stream().filter(p -> p.version() > current && p.version() <= target).toList();
    }

    public Outcome upgrade(int target, boolean backup) {
        return db.locked(say, () -> {
            int from = db.currentVersion();
            List<MigrationPair> pending = pending(target);
            if (pending.isEmpty()) {
                return new Outcome(from, from, List.of(), null);
            }
            Backup b = backup && db.exists() ? Backups.backup(db.file(), backups, keepBackups, clock) : null;
            if (b != null) {
                say.accept("backed up " + db.file().getFileName() + " to " + b.file() + " (sha256 " + b.sha256() + ")");
            }
            try {
                ensureFolder();
                flyway(target).migrate();
            } catch (FlywayException e) {
                OperationFailedException failure = restored(b, "upgrade to version " + target + " failed: "
                        + e.getMessage().lines().findFirst().orElse(""), e);
                throw new OperationFailedException(failure.getMessage() + explain(pending), e);
            }
            int to = db.currentVersion();
            return new Outcome(from, to, pending.stream().map(MigrationPair::version).toList(), b);
        });
    }

    /**
     * Records the database as being at {@code target} without running anything: Flyway marks the
     * versions up to it as applied (skipExecutingMigrations), or the rows above it are removed.
     */
    public Outcome stamp(int target) {
        return db.locked(say, () -> {
            int from = db.currentVersion();
            try {
                if (target > from) {
                    ensureFolder();
                    Flyway.configure().configuration(flyway(target).getConfiguration()).skipExecutingMigrations(true).load().migrate();
                } else if (target < from) {
                    try (Connection c = db.connect(); var ps = c.prepareStatement(
                            "DELETE FROM flyway_schema_history WHERE version IS NOT NULL AND CAST(version AS INTEGER) > ?")) {
                        ps.setInt(1, target);
                        ps.executeUpdate();
                    }
                }
            } catch (FlywayException | SQLException e) {
                throw new OperationFailedException("stamping " + db.file() + " at version " + target + ": " + e.getMessage(), e);
            }
            return new Outcome(from, db.currentVersion(), List.of(), null);
        });
    }

    public Outcome downgrade(int target, boolean backup) {
        return db.locked(say, () -> {
            int from = db.currentVersion();
            List<Integer> undo = new ArrayList<>();
            for (AppliedVersion v : db.applied()) {
                if (v.success() && v.version() > target && !undo.contains(v.version())) {
                    undo.add(0, v.version());
                }
            }
            undo.sort(java.util.Comparator.reverseOrder());
            if (undo.isEmpty()) {
                return new Outcome(from, from, List.of(), null);
            }
            List<MigrationPair> pairs = new ArrayList<>();
            for (int v : undo) {
                MigrationPair pair = folder.pairs().stream().filter(p -> p.version() == v).findFirst().orElse(null);
                if (pair == null || pair.down() == null) {
                    throw new InvalidInputException("version " + v + " is applied but " + folder.shownAs() + " has no U" + v
                            + "__*.sql to undo it; nothing was changed");
                }
                pairs.add(pair);
            }
            Backup b = backup ? Backups.backup(db.file(), backups, keepBackups, clock) : null;
            if (b != null) {
                say.accept("backed up " + db.file().getFileName() + " to " + b.file() + " (sha256 " + b.sha256() + ")");
            }
            try (Connection c = db.connect()) {
                for (MigrationPair pair : pairs) {
                    ScriptRunner.run(c, withHistoryRowRemoved(pair.down().script(), pair.version()));
                    say.accept("undid version " + pair.version() + " (" + pair.down().file() + ")");
                }
            } catch (SQLException e) {
                throw restored(b, "downgrade to version " + target + " failed: " + e.getMessage(), e);
            }
            return new Outcome(from, db.currentVersion(), undo, b);
        });
    }

    /**
     * Which statement failed, with SQLite's message: Flyway names only the script, so the pending
     * scripts run again, one statement at a time, on a copy of the restored database.
     */
    private String explain(List<MigrationPair> pending) {
        Path copy = null;
        try {
            copy = Files.createTempFile("strata-explain", ".db");
            if (db.exists()) {
                Files.copy(db.file(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            try (Connection c = new LiveDatabase(copy).connect()) {
                for (MigrationPair p : pending) {
                    try {
                        ScriptRunner.run(c, p.up().script());
                    } catch (SQLException e) {
                        return "\nthe failing migration is " + p.up().file() + ", revision " + p.version() + ": " + e.getMessage();
                    }
                }
            }
            return "";
        } catch (java.io.IOException | SQLException e) {
            return "";
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (java.io.IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** The U script plus the removal of its version's history row, inside the script's own transaction. */
    static SqlScript withHistoryRowRemoved(SqlScript down, int version) {
        // version is an int: the literal cannot carry anything but digits
        String delete = "DELETE FROM flyway_schema_history WHERE version = '" + version + "'";
        List<String> out = new ArrayList<>(down.statements());
        int at = out.size();
        if (!down.transactional()) {
            for (int i = out.size() - 1; i >= 0; i--) {
                if (out.get(i).strip().toUpperCase(java.util.Locale.ROOT).startsWith("RELEASE")) {
                    at = i;
                    break;
                }
            }
        }
        out.add(at, delete);
        return new SqlScript(out, down.transactional());
    }

    private OperationFailedException restored(Backup b, String what, Exception cause) {
        if (b == null) {
            return new OperationFailedException(what + "\nno backup was made (--no-backup): the database may be changed", cause);
        }
        Backups.restore(b.file(), db.file(), b.sha256());
        return new OperationFailedException(what + "\nthe database was restored from " + b.file() + " (sha256 " + b.sha256()
                + ", verified)", cause);
    }

    private void ensureFolder() {
        try {
            Path parent = db.file().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new OperationFailedException("creating the folder of " + db.file() + ": " + e.getMessage(), e);
        }
    }

}
