package dev.strata.events.sqlite;

import dev.strata.events.schema.Schema;
import dev.strata.events.sql.SqlSplitter;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Models declared as CREATE statements ({@code schema/models.sql}), parsed by SQLite itself: the
 * statements run in a fresh in-memory database, which is then introspected.
 */
public final class SqlModels {

    private SqlModels() {
    }

    /**
     * @throws IllegalArgumentException naming the statement (number and line) and SQLite's message
     */
    public static Schema parse(String sql) {
        try (ScratchDatabase db = ScratchDatabase.inMemory(false); Statement st = db.connection().createStatement()) {
            int n = 0;
            db.startBudget();
            for (SqlSplitter.Statement s : SqlSplitter.split(sql)) {
                n++;
                try {
                    st.execute(s.sql());
                } catch (SQLException e) {
                    String first = s.sql().lines().filter(l -> !l.isBlank() && !l.strip().startsWith("--")).findFirst().orElse(s.sql()).strip();
                    String reason = db.sandboxReason(e.getMessage());
                    throw new IllegalArgumentException("statement " + n + " (line " + s.line() + ", " + first + "): "
                            + (reason == null ? e.getMessage() : reason + " (SQLite says: " + e.getMessage() + ")"));
                }
            }
            db.stopBudget();
            return db.schema();
        } catch (SQLException e) {
            throw new IllegalStateException("reading models through an in-memory SQLite database: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
