package dev.strata.events.sqlite;

import dev.strata.events.ColumnAltered;
import dev.strata.events.ColumnRenamed;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.sql.SqliteDialect;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tables, columns, indexes, views and triggers whose names need quoting, and declared types SQLite takes. */
class QuotedNamesTest {

    private static final String[] OBJECTS = {
        "CREATE TABLE \"order\" (\"my id\" INTEGER PRIMARY KEY, \"Prix-€\" DECIMAL(10, 5), \"weird\"\"name\" \"custom type\","
                + " \"Größe\" DOUBLE PRECISION, n UNSIGNED BIG INT, tags TEXT[], \"select\" VARCHAR(255) COLLATE NOCASE)",
        "CREATE TABLE \"my table\" (id INTEGER PRIMARY KEY, \"order\" INTEGER REFERENCES \"order\" (\"my id\"))",
        "CREATE INDEX \"ix order-€\" ON \"order\" (\"Prix-€\" DESC, lower(\"select\"))",
        "CREATE VIEW \"the view\" AS SELECT \"Prix-€\" FROM \"order\"",
        "CREATE TRIGGER \"on insert\" AFTER INSERT ON \"my table\" BEGIN SELECT 1; END"
    };
    private static final Identifier ORDER = Identifier.of("order");

    @Test
    void every_kind_of_object_with_a_name_that_needs_quotes_is_read() throws SQLException {
        Schema s = LiveSchemas.read(OBJECTS);

        Table order = s.table(ORDER).orElseThrow();
        assertEquals(List.of("my id", "Prix-€", "weird\"name", "Größe", "n", "tags", "select"),
                order.columnNames().stream().map(Identifier::name).toList());
        assertEquals("custom type", order.column(Identifier.of("WEIRD\"NAME")).orElseThrow().type());
        assertTrue(s.index(Identifier.of("IX ORDER-€")).isPresent());
        assertTrue(s.view(Identifier.of("the view")).isPresent());
        assertTrue(s.trigger(Identifier.of("on insert")).isPresent());
    }

    @Test
    void rendered_quoted_names_read_back_equal() throws SQLException {
        Schema s = LiveSchemas.read(OBJECTS);

        assertEquals(s, LiveSchemas.rendered(s));
    }

    @Test
    void a_rebuild_and_a_rename_of_quoted_names_run_on_sqlite() throws SQLException {
        Schema before = LiveSchemas.read(OBJECTS);
        Table order = before.table(ORDER).orElseThrow();
        var altered = new ColumnAltered(ORDER, order.column(Identifier.of("Größe")).orElseThrow().withNotNull(true).withDefault("0"));
        var renamed = new ColumnRenamed(Identifier.of("my table"), Identifier.of("order"), Identifier.of("the \"order\""));

        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            Queries.exec(db.connection(), OBJECTS);
            db.apply(SqliteDialect.render(before, List.of(altered, renamed)));

            assertEquals(List.of(), SchemaDiff.differences(renamed.applyTo(altered.applyTo(before)), db.introspect()));
        }
    }

    @Test
    void names_differing_in_non_ascii_case_are_different_objects_as_in_sqlite() throws SQLException {
        Schema s = LiveSchemas.read("CREATE TABLE \"Été\" (a INT)", "CREATE TABLE \"été\" (a INT)");

        assertEquals(2, s.tables().size());
    }
}
