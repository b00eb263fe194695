package dev.strata.events.sqlite;

import dev.strata.events.schema.Schema;
import dev.strata.events.sql.SqlSplitter;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

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
            for (SqlSplitter.Statement s : SqlSplitter.split(sql)) {
                n++;
                try {
                    st.execute(s.sql());
                } catch (SQLException e) {
                    // name the line of the statement's first code line, not of a comment above it
                    List<String> lines = s.sql().lines().toList();
                    int code = 0;
                    while (code < lines.size() - 1 && (lines.get(code).isBlank() || lines.get(code).strip().startsWith("--"))) {
                        code++;
                    }
                    throw new IllegalArgumentException("statement " + n + " (line " + (s.line() + code) + ", "
                            + lines.get(code).strip() + "): " + e.getMessage());
                }
            }
            return db.schema();
        } catch (SQLException e) {
            throw new IllegalStateException("reading models through an in-memory SQLite database: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
