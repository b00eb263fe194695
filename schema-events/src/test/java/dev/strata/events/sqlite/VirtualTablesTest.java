package dev.strata.events.sqlite;

import dev.strata.events.projection.Difference;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.VirtualTable;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** FTS5 and R*Tree tables: read as their statements, their shadow tables left out. */
class VirtualTablesTest {

    private static final String DOCS = "CREATE VIRTUAL TABLE docs USING fts5(title, body)";
    private static final String BOXES = "CREATE VIRTUAL TABLE boxes USING rtree(id, minx, maxx, miny, maxy)";

    @Test
    void virtual_tables_are_read_and_their_shadow_tables_are_not_tables() throws SQLException {
        Schema s = LiveSchemas.read(DOCS, BOXES, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");

        assertEquals(List.of(new VirtualTable(Identifier.of("docs"), DOCS), new VirtualTable(Identifier.of("boxes"), BOXES)),
                List.copyOf(s.virtualTables().values()));
        assertEquals(Set.of(Identifier.of("notes")), s.tables().keySet());
    }

    @Test
    void triggers_that_keep_a_virtual_table_in_step_are_read() throws SQLException {
        Schema s = LiveSchemas.read(DOCS, "CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT, body TEXT)",
                "CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN INSERT INTO docs (rowid, title, body)"
                        + " VALUES (new.id, new.title, new.body); END");

        assertEquals(Set.of(Identifier.of("notes_ai")), s.triggers().keySet());
    }

    @Test
    void virtual_tables_compare_by_normalised_statement() throws SQLException {
        Schema a = LiveSchemas.read(DOCS);
        Schema b = LiveSchemas.read("create virtual table \"docs\" using FTS5 ( title , body )");
        Schema c = LiveSchemas.read("CREATE VIRTUAL TABLE docs USING fts5(title, body, tags)");

        assertEquals(a, b);
        assertEquals(List.of("virtual table docs is " + DOCS + " in the expected schema but"
                + " CREATE VIRTUAL TABLE docs USING fts5(title, body, tags) in the actual schema"),
                SchemaDiff.differences(a, c).stream().map(Difference::message).toList());
        assertEquals(List.of("virtual table docs is in the expected schema but not in the actual schema"),
                SchemaDiff.differences(a, Schema.EMPTY).stream().map(Difference::message).toList());
    }

    @Test
    void a_virtual_table_is_rendered_as_its_statement() throws SQLException {
        Schema s = LiveSchemas.read(DOCS, BOXES);

        assertEquals(s, LiveSchemas.rendered(s));
    }
}
