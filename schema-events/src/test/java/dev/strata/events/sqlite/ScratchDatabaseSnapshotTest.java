package dev.strata.events.sqlite;

import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScratchDatabaseSnapshotTest {

    @Test
    void values_that_hold_the_separators_read_back_as_one_query_per_row_shows_them() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.inMemory(true); Statement st = db.connection().createStatement()) {
            st.execute("CREATE TABLE odd (id INTEGER PRIMARY KEY, \"order\" TEXT, n REAL, b BLOB, e TEXT)");
            st.execute("INSERT INTO odd VALUES (1, 'x,y', 1.5, X'0A2C27', ''), (2, 'it''s\n,''', NULL, NULL, NULL),"
                    + " (3, ',', 1e300, X'', '\n'), (4, '''', -0.0, X'00', 'NULL')");
            st.execute("CREATE TABLE one (v TEXT)");
            st.execute("INSERT INTO one VALUES (''), (NULL), (','), ('''')");
            st.execute("CREATE TABLE empty (id INTEGER PRIMARY KEY)");
            st.execute("CREATE TABLE keyed (k TEXT PRIMARY KEY, v INTEGER) WITHOUT ROWID");
            st.execute("INSERT INTO keyed VALUES ('b', 2), ('a', 1)");
            Schema schema = db.introspect();

            DataSnapshot snapshot = db.snapshot(schema, schema.tables().keySet());

            for (Table t : schema.tables().values()) {
                assertEquals(rowByRow(st, t), snapshot.tables().get(t.name()).rows(), t.name().toString());
            }
            assertEquals(4, snapshot.tables().get(Identifier.of("odd")).rows().size());
            assertTrue(snapshot.tables().get(Identifier.of("empty")).rows().isEmpty());
        }
    }

    @Test
    void more_tables_than_one_query_reads_are_all_read() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.inMemory(true); Statement st = db.connection().createStatement()) {
            for (int i = 0; i < 120; i++) {
                st.execute("CREATE TABLE t" + i + " (id INTEGER PRIMARY KEY, v TEXT)");
                st.execute("INSERT INTO t" + i + " (v) VALUES ('row " + i + "')" + ", ('more')".repeat(i % 3));
            }
            Schema schema = db.introspect();

            DataSnapshot snapshot = db.snapshot(schema, schema.tables().keySet());

            assertEquals(120, snapshot.tables().size());
            for (Table t : schema.tables().values()) {
                assertEquals(rowByRow(st, t), snapshot.tables().get(t.name()).rows(), t.name().toString());
            }
        }
    }

    /** The oracle: one value per column and row, as the driver returns them. */
    private static List<List<String>> rowByRow(Statement st, Table t) throws SQLException {
        String cols = t.columns().stream().map(c -> "quote(" + c.name().quoted() + ")").collect(Collectors.joining(", "));
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT " + cols + " FROM " + t.name().quoted())) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= t.columns().size(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
