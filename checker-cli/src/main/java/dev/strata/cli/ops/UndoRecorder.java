package dev.strata.cli.ops;

import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.MigrationPair;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/**
 * A Flyway callback that stores each applied version's U script in {@code strata_undo}. Flyway runs
 * {@code afterEachMigrate} on the migration's connection inside the migration's own transaction, before
 * it writes the history row: a transactional migration, its undo row and its history row commit
 * together or not at all. A migration Flyway runs outside a transaction ({@code executeInTransaction=false})
 * has committed already; its undo row then commits on its own, before the history row, and a process
 * killed between the two leaves the state {@code strata current} reports as interrupted.
 */
final class UndoRecorder implements Callback {

    private final MigrationFolder folder;
    private final Map<Integer, String> revisionHashes;
    private final Clock clock;

    UndoRecorder(MigrationFolder folder, Map<Integer, String> revisionHashes, Clock clock) {
        this.folder = folder;
        this.revisionHashes = Map.copyOf(revisionHashes);
        this.clock = clock;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (context.getMigrationInfo() == null || context.getMigrationInfo().getVersion() == null) {
            return;
        }
        int version = Integer.parseInt(context.getMigrationInfo().getVersion().getVersion());
        StoredUndo undo = of(folder, revisionHashes, version);
        if (undo == null) {
            return;
        }
        try {
            UndoLog.record(context.getConnection(), undo, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("storing the undo script of version " + version + " in " + UndoLog.TABLE + ": "
                    + e.getMessage(), e);
        }
    }

    /** The entry for {@code version}'s U file, or null when the folder has none. */
    static StoredUndo of(MigrationFolder folder, Map<Integer, String> revisionHashes, int version) {
        MigrationPair pair = folder.pairs().stream().filter(p -> p.version() == version).findFirst().orElse(null);
        if (pair == null || pair.down() == null) {
            return null;
        }
        return StoredUndo.of(version, pair.description(), revisionHashes.get(version), pair.down().name(), pair.down().text(),
                pair.down().transactional());
    }

    @Override
    public String getCallbackName() {
        return "strata-undo";
    }
}
