package dev.strata.cli.ops;

import dev.strata.cli.OperationFailedException;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.MigrationPair;
import dev.strata.cli.project.MigrationScript;
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
import java.util.Map;
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
    private final Map<Integer, String> revisionHashes;

    /**
     * @param revisionHashes the hash of the revision each version was projected from (empty for a Flyway folder
     *                       without events), stored with its undo script
     */
    public Migrator(LiveDatabase db, Path migrations, MigrationFolder folder, Map<Integer, String> revisionHashes, Path backups,
                    int keepBackups, Clock clock, Consumer<String> say) {
        this.db = db;
        this.revisionHashes = Map.copyOf(revisionHashes);
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
                .callbacks(new UndoRecorder(folder, revisionHashes, clock))
                .loggers("slf4j")
                .load();
    }

    /** Where the backup before an operation goes, with the time left as a pattern (for dry runs). */
    public String backupTarget() {
        return db.exists() ? backups.resolve(db.file().getFileName().toString().replaceAll("\\.db$", "") + ".<UTC time>.db").toString()
                : null;
    }

    /** The V files Flyway would apply to reach {@code target}. */
    public List<MigrationPair> pending(int target) {
        int current = db.currentVersion();
        return folder.pairs().stream().filter(p -> p.version() > current && p.version() <= target).toList();
    }

    public Outcome upgrade(int target, boolean backup) {
        refuseWhatFlywayRefuses();
        return db.locked(say, () -> {
            int from = db.currentVersion();
            List<MigrationPair> pending = pending(target);
            if (pending.isEmpty()) {
                return new Outcome(from, from, List.of(), null);
            }
            boolean existed = db.exists();
            refuseReadOnly("upgrade");
            Backup b = backup && existed ? backup() : null;
            try {
                ensureFolder();
                flyway(target).migrate();
            } catch (FlywayException e) {
                String what = "upgrade to version " + target + " failed: " + Failures.kind(e, "the migration") + ": "
                        + e.getMessage().lines().findFirst().orElse("");
                if (!existed) {
                    throw new OperationFailedException(what + explain(pending) + "\n" + removeCreated(), e);
                }
                throw new OperationFailedException(what + explain(pending) + afterFailure(b), e);
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
                    storeUndo(from, target);
                } else if (target < from) {
                    try (Connection c = db.connect(); var st = c.createStatement()) {
                        c.setAutoCommit(false);
                        st.executeUpdate("DELETE FROM flyway_schema_history WHERE version IS NOT NULL AND CAST(version AS INTEGER) > " + target);
                        if (!UndoLog.read(c).isEmpty()) {
                            st.executeUpdate("DELETE FROM " + UndoLog.TABLE + " WHERE version > " + target);
                        }
                        c.commit();
                    }
                }
            } catch (FlywayException | SQLException e) {
                throw new OperationFailedException("stamping " + db.file() + " at version " + target + ": " + e.getMessage(), e);
            }
            return new Outcome(from, db.currentVersion(), List.of(), null);
        });
    }

    /**
     * Undoes every applied version above {@code target}, newest first, each with the undo script stored in the
     * database when it was applied (verified against its hash), else with this checkout's U file.
     */
    public Outcome downgrade(int target, boolean backup) {
        return db.locked(say, () -> {
            int from = db.currentVersion();
            List<UndoStep> steps = undoSteps(target);
            if (steps.isEmpty()) {
                return new Outcome(from, from, List.of(), null);
            }
            refuseReadOnly("downgrade");
            Backup b = backup ? backup() : null;
            try (Connection c = db.connect()) {
                for (UndoStep step : steps) {
                    ScriptRunner.run(c, step.asRun());
                    say.accept("undid version " + step.version() + " (" + step.source() + ")");
                }
            } catch (SQLException e) {
                throw new OperationFailedException("downgrade to version " + target + " failed: " + Failures.kind(e, "the undo script")
                        + ": " + e.getMessage() + afterFailure(b), e);
            }
            return new Outcome(from, db.currentVersion(), steps.stream().map(UndoStep::version).toList(), b);
        });
    }

    /** One version to undo and the script that undoes it. */
    public record UndoStep(int version, MigrationScript script, String source, boolean stored) {

        /** The statements the downgrade runs for this version, history bookkeeping included. */
        public SqlScript asRun() {
            return withHistoryRowRemoved(script.script(), version, stored);
        }
    }

    /**
     * The scripts a downgrade to {@code target} runs, in order; refuses (changing nothing) when a stored script
     * fails its hash or a version has neither a stored script nor a U file.
     */
    public List<UndoStep> undoSteps(int target) {
        List<Integer> undo = db.applied().stream().filter(v -> v.success() && v.version() > target).map(AppliedVersion::version)
                .distinct().sorted(java.util.Comparator.reverseOrder()).toList();
        Map<Integer, StoredUndo> stored = db.storedUndo();
        List<UndoStep> steps = new ArrayList<>();
        for (int v : undo) {
            StoredUndo s = stored.get(v);
            MigrationPair pair = folder.pairs().stream().filter(p -> p.version() == v).findFirst().orElse(null);
            if (s != null) {
                if (!s.intact()) {
                    throw new InvalidInputException("the undo script stored in " + db.file() + " for version " + v + " (" + s.file()
                            + ") does not match its hash: recorded sha256 " + s.sha256() + ", now " + s.actualSha256()
                            + "; someone changed it after the upgrade stored it. Nothing was changed, the database is intact;"
                            + " fix: restore a backup, or undo version " + v + " by hand");
                }
                steps.add(new UndoStep(v, new MigrationScript(v, s.description(), s.file(), s.script(),
                        s.transactional()), s.file() + ", stored in the database", true));
            } else if (pair != null && pair.down() != null) {
                steps.add(new UndoStep(v, pair.down(), pair.down().file(), false));
            } else {
                throw new InvalidInputException("version " + v + " is applied but neither " + db.file().getFileName()
                        + " stores its undo script (it was applied by another tool or an older strata) nor does " + folder.shownAs()
                        + " have a U" + v + "__*.sql to undo it; nothing was changed, the database is intact;"
                        + " fix: check out the tag that has U" + v + " and run the downgrade there");
            }
        }
        return steps;
    }

    /** Stores the undo scripts of versions {@code from+1..to} that Flyway marked applied without running them. */
    private void storeUndo(int from, int to) {
        try (Connection c = db.connect()) {
            for (MigrationPair pair : folder.pairs()) {
                StoredUndo undo = pair.version() > from && pair.version() <= to ? UndoRecorder.of(folder, revisionHashes, pair.version()) : null;
                if (undo != null) {
                    UndoLog.record(c, undo, clock.instant());
                }
            }
        } catch (SQLException e) {
            throw new OperationFailedException("storing the undo scripts of versions " + (from + 1) + ".." + to + " in " + db.file()
                    + ": " + e.getMessage(), e);
        }
    }

    private Backup backup() {
        Backup b = Backups.backup(db.file(), backups, keepBackups, clock);
        say.accept("backed up " + db.file().getFileName() + " to " + b.file() + " (sha256 " + b.sha256() + ")");
        say(b.pruned(), keepBackups, say);
        return b;
    }

    /** Says which old backups pruning removed, and how to keep one for good. */
    public static void say(List<Path> pruned, int keep, Consumer<String> say) {
        for (Path p : pruned) {
            say.accept("removed the old backup " + p + " (the newest " + keep + " are kept; `strata backup --name NAME` keeps one for good)");
        }
    }

    /** Flyway refuses a folder with two migrations of one version (in subfolders and through symlinks too): refuse it first, before any file is touched. */
    private void refuseWhatFlywayRefuses() {
        if (folder.problems().isEmpty()) {
            return;
        }
        StringBuilder msg = new StringBuilder(folder.shownAs() + " has problems Flyway or strata refuses; nothing was changed, the database"
                + " is intact:");
        folder.problems().forEach(p -> msg.append("\n  ").append(p.message()).append("\n    fix: ").append(p.hint()));
        throw new InvalidInputException(msg.toString());
    }

    /** A database file (or its folder) that cannot be written is refused before anything starts, by its mode, even for root. */
    private void refuseReadOnly(String operation) {
        if (!db.exists()) {
            return;
        }
        Path file = db.file().toAbsolutePath();
        String mode = null;
        try {
            var permissions = Files.getPosixFilePermissions(file);
            if (!permissions.contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)) {
                mode = java.nio.file.attribute.PosixFilePermissions.toString(permissions);
            }
        } catch (UnsupportedOperationException | java.io.IOException e) {
            // not a POSIX file system: Files.isWritable below decides
        }
        if (mode != null || !Files.isWritable(file) || !Files.isWritable(file.getParent())) {
            throw new OperationFailedException(operation + " refused: permissions: " + db.file() + (mode != null ? " is read-only (mode "
                    + mode + ")" : " or its folder is not writable for this user") + "; nothing was changed, the database is intact;"
                    + " fix: make it writable (chmod u+w) if it should change, or run as its owner");
        }
    }

    /** Removes the file a failed first upgrade created, so no operation leaves an empty database behind. */
    private String removeCreated() {
        try {
            for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
                Files.deleteIfExists(db.file().resolveSibling(db.file().getFileName() + suffix));
            }
            return "the database did not exist before, and the file the upgrade created was removed";
        } catch (java.io.IOException e) {
            return "the database did not exist before; remove the file the upgrade created: " + db.file() + " (" + e.getMessage() + ")";
        }
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

    /**
     * The U script plus the removal of its version's history row (and of its stored undo script, when the
     * database has one), inside the script's own transaction.
     */
    static SqlScript withHistoryRowRemoved(SqlScript down, int version, boolean storedUndo) {
        // version is an int: the literal cannot carry anything but digits
        List<String> bookkeeping = new ArrayList<>(List.of("DELETE FROM flyway_schema_history WHERE version = '" + version + "'"));
        // the table exists whenever the script came from it; a database without it has no row to remove
        if (storedUndo) {
            bookkeeping.add(UndoLog.removal(version));
        }
        if (down.hasTransaction()) {
            return down.withStatementsInItsTransaction(bookkeeping);
        }
        // a script that runs outside any transaction, with none of its own: the rows go once it has run
        List<String> out = new ArrayList<>(down.statements());
        out.addAll(bookkeeping);
        return new SqlScript(out, false);
    }

    /**
     * Puts the backup back after a failure, unless the file is byte for byte the backup still (nothing changed
     * it: replacing it would only change its owner and mode), and says which happened after what failed.
     */
    private String afterFailure(Backup b) {
        if (b == null) {
            return "\nno backup was made (--no-backup): the database may be changed";
        }
        try {
            if (Backups.sha256(db.file()).equals(b.sha256())) {
                return "\nthe database is intact: nothing changed it (its sha256 equals the backup " + b.file() + "), so it was left as it was";
            }
        } catch (java.io.IOException unreadable) {
            // then the restore below decides
        }
        try {
            Backups.restore(b.file(), db.file(), b.sha256());
        } catch (RuntimeException e) {
            return "\nand restoring the backup failed too: " + e.getMessage()
                    + "\nthe database may be half changed: once that is fixed, run `strata restore " + b.file() + "`";
        }
        return "\nthe database is intact: it was restored from " + b.file() + " (sha256 " + b.sha256() + ", verified)";
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
