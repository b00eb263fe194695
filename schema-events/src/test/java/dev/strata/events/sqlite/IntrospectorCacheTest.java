package dev.strata.events.sqlite;

import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.sql.SqlScript;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scratch database reads its schema through a cache; what it reads must always be the live schema. */
class IntrospectorCacheTest {

    private static SqlScript script(String... statements) {
        return new SqlScript(List.of(statements), true);
    }

    @Test
    void a_round_trip_reads_back_the_very_schema_it_read_before_and_a_change_is_seen() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.apply(script("CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT)"));
            Schema before = db.introspect();

            db.apply(script("ALTER TABLE a ADD COLUMN note TEXT"));
            Schema after = db.introspect();
            db.apply(script("ALTER TABLE a DROP COLUMN note"));
            Schema back = db.introspect();

            assertNotEquals(before, after);
            assertEquals(3, after.table(Identifier.of("a")).orElseThrow().columns().size());
            assertEquals(before, back);
            assertEquals(before, Introspector.read(db.connection()), "an uncached read agrees");
        }
    }

    @Test
    void a_schema_expected_back_is_known_by_its_statements_and_anything_else_is_read_in_full() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.create(true)) {
            db.apply(script("CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT UNIQUE)", "CREATE INDEX ix_a ON a (name)"));
            Schema before = db.introspect();
            db.apply(script("ALTER TABLE a ADD COLUMN note TEXT"));
            Schema after = db.introspect();
            db.apply(script("ALTER TABLE a DROP COLUMN note"));

            assertSame(before, db.introspect(before));
            assertNotEquals(after, db.introspect(after), "not the schema expected: read in full");

            db.apply(script("CREATE INDEX ix_left ON a (id)"));
            Schema left = db.introspect(before);
            assertNotSame(before, left);
            assertTrue(left.indexes().containsKey(Identifier.of("ix_left")));
            assertEquals(Introspector.read(db.connection()), left);
            assertEquals(left, db.introspect(Schema.EMPTY), "a schema this database did not return is no shortcut");

            db.apply(script("DROP INDEX ix_left", "DROP INDEX ix_a", "CREATE INDEX ix_a ON a (name, id)"));
            Schema reindexed = db.introspect(before);
            assertNotEquals(before, reindexed, "same names, other statement");
            assertEquals(Introspector.read(db.connection()), reindexed);
        }
    }

    @Test
    void a_foreign_key_to_the_parents_primary_key_follows_a_new_primary_key_of_the_parent() {
        try (ScratchDatabase db = ScratchDatabase.create(false)) {
            db.apply(script("CREATE TABLE parent (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE)",
                    "CREATE TABLE child (p TEXT REFERENCES parent)"));
            assertEquals(List.of(Identifier.of("id")),
                    db.introspect().table(Identifier.of("child")).orElseThrow().foreignKeys().get(0).referencedColumns());

            // the child's statement stays as it was; what it references is now another column
            db.apply(script("CREATE TABLE parent2 (id INTEGER, code TEXT NOT NULL PRIMARY KEY)", "DROP TABLE parent",
                    "ALTER TABLE parent2 RENAME TO parent"));

            assertEquals(List.of(Identifier.of("code")),
                    db.introspect().table(Identifier.of("child")).orElseThrow().foreignKeys().get(0).referencedColumns());
        }
    }

    @Test
    void an_unchanged_database_is_read_from_the_cache() {
        try (ScratchDatabase db = ScratchDatabase.create(true)) {
            db.apply(script("CREATE TABLE a (id INTEGER PRIMARY KEY)", "CREATE VIEW v AS SELECT id FROM a"));

            assertSame(db.introspect(), db.introspect());
        }
    }

    @Test
    void statements_holding_the_separator_characters_of_the_one_value_read_are_read_object_by_object() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            // char(30) and char(31) separate records and fields when all objects are read as one value
            db.apply(script("CREATE TABLE a (id INTEGER PRIMARY KEY, tag TEXT DEFAULT '\u001e\u001f')",
                    "CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id))",
                    "CREATE INDEX ix_b ON b (a_id)"));

            Schema read = db.introspect();

            assertEquals(Introspector.read(db.connection()), read);
            assertEquals(read, db.introspect(read));
            assertEquals("'\u001e\u001f'", read.table(Identifier.of("a")).orElseThrow().column(Identifier.of("tag")).orElseThrow()
                    .defaultValue());
            assertEquals(List.of(Identifier.of("a"), Identifier.of("b")), List.copyOf(read.tables().keySet()));
            assertEquals(1, read.indexes().size());
        }
    }

    @Test
    void objects_are_read_in_the_order_they_were_created_even_when_sqlite_scans_backwards() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.apply(script("CREATE TABLE b (id INTEGER PRIMARY KEY)",
                    "CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b (id))",
                    "CREATE INDEX ix_a ON a (b_id)"));
            Schema forwards = db.introspect();
            try (var st = db.connection().createStatement()) {
                st.execute("PRAGMA reverse_unordered_selects = ON");
            }

            Schema backwards = db.introspect();

            assertEquals(List.of(Identifier.of("b"), Identifier.of("a")), List.copyOf(backwards.tables().keySet()));
            assertEquals(forwards, backwards);
        }
    }

    @Test
    void an_empty_database_reads_as_the_empty_schema() {
        try (ScratchDatabase db = ScratchDatabase.create(true)) {
            assertEquals(Schema.EMPTY, db.introspect());
        }
    }

    @Test
    void a_cached_read_sees_expression_indexes_generated_columns_options_and_virtual_tables_change() throws SQLException {
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.apply(script("CREATE TABLE a (id INTEGER PRIMARY KEY, email TEXT, d TEXT AS (lower(email))) STRICT"));
            Schema before = db.introspect();

            db.apply(script("CREATE INDEX ix ON a (lower(email) DESC)", "CREATE VIRTUAL TABLE docs USING fts5(body)"));
            Schema after = db.introspect();
            db.apply(script("DROP INDEX ix", "DROP TABLE docs", "CREATE INDEX ix ON a (email)"));
            Schema changed = db.introspect();

            assertEquals(Introspector.read(db.connection()), changed);
            assertNotEquals(after, changed);
            assertEquals(1, after.virtualTables().size());
            assertEquals(before.tables(), changed.tables());
        }
    }
}
