package dev.strata.events.sqlite;

import dev.strata.events.ColumnAltered;
import dev.strata.events.projection.Difference;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.TableOption;
import dev.strata.events.sql.SqliteDialect;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** WITHOUT ROWID and STRICT tables. */
class TableOptionsTest {

    private static final String PLAIN = "CREATE TABLE kv (k TEXT PRIMARY KEY, v INT)";
    private static final Identifier KV = Identifier.of("kv");

    private static Table kv(Schema s) {
        return s.table(KV).orElseThrow();
    }

    @Test
    void options_are_read_from_the_end_of_the_statement() throws SQLException {
        Schema s = LiveSchemas.read(PLAIN + " WITHOUT ROWID, STRICT", "CREATE TABLE s (a ANY) strict",
                "CREATE TABLE w (a INT PRIMARY KEY) without   rowid");

        assertEquals(Set.of(TableOption.WITHOUT_ROWID, TableOption.STRICT), kv(s).options());
        assertEquals(Set.of(TableOption.STRICT), s.table(Identifier.of("s")).orElseThrow().options());
        assertEquals(Set.of(TableOption.WITHOUT_ROWID), s.table(Identifier.of("w")).orElseThrow().options());
    }

    @Test
    void a_missing_option_is_a_precise_difference() throws SQLException {
        Schema expected = LiveSchemas.read(PLAIN + " WITHOUT ROWID");
        Schema actual = LiveSchemas.read(PLAIN);

        List<Difference> differences = SchemaDiff.differences(expected, actual);

        // SQLite makes the key of a WITHOUT ROWID table NOT NULL: that difference follows from the first
        assertEquals(List.of("table kv: it is WITHOUT ROWID in the expected schema but a rowid table in the actual schema",
                "table kv: column k is TEXT NOT NULL in the expected schema but TEXT in the actual schema"),
                differences.stream().map(Difference::message).toList());
    }

    @Test
    void a_without_rowid_table_built_by_events_equals_the_one_sqlite_reads() throws SQLException {
        Table built = Table.of("kv", Column.of("k", "TEXT"), Column.of("v", "INT"))
                .withPrimaryKey(new dev.strata.events.schema.PrimaryKey(List.of(Identifier.of("k")), false))
                .withOptions(Set.of(TableOption.WITHOUT_ROWID, TableOption.STRICT));

        assertEquals(kv(LiveSchemas.read(PLAIN + " WITHOUT ROWID, STRICT")), built);
    }

    @Test
    void a_rebuild_keeps_the_options_and_the_rows() throws SQLException {
        Schema before = LiveSchemas.read(PLAIN + " WITHOUT ROWID, STRICT");
        Column v = kv(before).column(Identifier.of("v")).orElseThrow();

        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            Queries.exec(db.connection(), PLAIN + " WITHOUT ROWID, STRICT", "INSERT INTO kv VALUES ('a', 1)");
            db.apply(SqliteDialect.render(before, List.of(new ColumnAltered(KV, v.withNotNull(true).withDefault("0")))));

            assertEquals(Set.of(TableOption.WITHOUT_ROWID, TableOption.STRICT), kv(db.introspect()).options());
            assertEquals(List.of("a|1"), Queries.rows(db.connection(), "SELECT k, v FROM kv"));
        }
    }

    @Test
    void rendered_options_read_back_equal() throws SQLException {
        Schema s = LiveSchemas.read(PLAIN + " WITHOUT ROWID, STRICT");

        assertEquals(s, LiveSchemas.rendered(s));
    }
}
