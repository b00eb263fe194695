package dev.strata.cli.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Strata's own table beside {@code flyway_schema_history}: one row per applied version with its
 * downgrade script, so a rollback works from any checkout. Every schema comparison ignores it (the
 * introspector skips it as it skips Flyway's and Alembic's tables).
 *
 * <pre>
 * strata_undo(version INTEGER PRIMARY KEY, description, revision_hash, file, script, in_transaction, sha256, recorded_on)
 * </pre>
 */
final class UndoLog {

    static final String TABLE = "strata_undo";

    private static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
            + "version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, revision_hash TEXT, file TEXT NOT NULL,"
            + " script TEXT NOT NULL, in_transaction INTEGER NOT NULL CHECK (in_transaction IN (0, 1)),"
            + " sha256 TEXT NOT NULL, recorded_on TEXT NOT NULL)";

    private UndoLog() {
    }

    /** Records (or replaces) the undo script of one version, on {@code c} and in whatever transaction it has open. */
    static void record(Connection c, StoredUndo undo, Instant recordedOn) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(CREATE);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO " + TABLE
                + " (version, description, revision_hash, file, script, in_transaction, sha256, recorded_on)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, undo.version());
            ps.setString(2, undo.description());
            ps.setString(3, undo.revisionHash());
            ps.setString(4, undo.file());
            ps.setString(5, undo.script());
            ps.setInt(6, undo.transactional() ? 1 : 0);
            ps.setString(7, undo.sha256());
            ps.setString(8, recordedOn.toString());
            ps.executeUpdate();
        }
    }

    /** The stored scripts by version; empty for a database no strata upgrade recorded any in. */
    static Map<Integer, StoredUndo> read(Connection c) throws SQLException {
        Map<Integer, StoredUndo> out = new TreeMap<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet t = st.executeQuery("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '" + TABLE + "'")) {
                if (!t.next() || t.getInt(1) == 0) {
                    return out;
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT version, description, revision_hash, file, script, in_transaction, sha256 FROM "
                    + TABLE + " ORDER BY version")) {
                while (rs.next()) {
                    out.put(rs.getInt(1), new StoredUndo(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6) == 1, rs.getString(7)));
                }
            }
        }
        return out;
    }

    /** The statement that removes a version's row, for the end of its downgrade's transaction. */
    static String removal(int version) {
        // version is an int: the literal cannot carry anything but digits
        return "DELETE FROM " + TABLE + " WHERE version = " + version;
    }
}
