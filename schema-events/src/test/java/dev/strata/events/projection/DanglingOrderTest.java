package dev.strata.events.projection;

import dev.strata.events.SchemaEvent;
import dev.strata.events.sql.SqlScript;
import dev.strata.events.sql.SqliteDialect;
import dev.strata.events.sqlite.ScratchDatabase;
import dev.strata.events.sqlite.SqlModels;
import dev.strata.events.schema.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A diff creates the tables foreign keys point at before it adds the foreign keys: with foreign keys on, SQLite
 * refuses every write to a table whose foreign key names a missing table, a rebuild's copy included
 * (found by SqliteProperties, seed 2322638305457547367).
 */
class DanglingOrderTest {

    @Test
    void a_foreign_key_added_to_an_existing_table_comes_after_the_table_it_references() throws Exception {
        Schema from = SqlModels.parse("CREATE TABLE t2 (c0 INTEGER NOT NULL DEFAULT 0, CONSTRAINT ck0 CHECK (c0 >= 0));");
        Schema to = SqlModels.parse("""
                CREATE TABLE t0 (c0 INTEGER NOT NULL DEFAULT 0, CONSTRAINT ck0 CHECK (c0 >= 0));
                CREATE UNIQUE INDEX i0 ON t0 (c0);
                CREATE TABLE t1 (id INTEGER NOT NULL PRIMARY KEY REFERENCES t0 (c0), c0 INTEGER NOT NULL DEFAULT 0,
                    CONSTRAINT ck0 CHECK (id >= 0));
                CREATE TABLE t2 (c0 INTEGER NOT NULL DEFAULT 0 REFERENCES t1 (id), CONSTRAINT ck0 CHECK (c0 >= 0));
                """);

        List<SchemaEvent> events = SchemaDiff.events(from, to);
        SqlScript script = SqliteDialect.render(from, events);

        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.apply(SqliteDialect.createAll(from));
            db.apply(script);
            assertEquals(to, db.introspect(), script.text());
        }
    }

    @Test
    void two_dropped_tables_whose_triggers_write_each_other_are_dropped_after_their_triggers() throws Exception {
        Schema from = SqlModels.parse("""
                CREATE TABLE t0 (c0 INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE t1 (c0 INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE t2 (c0 INTEGER NOT NULL DEFAULT 0);
                CREATE TRIGGER g0 AFTER INSERT ON t1 BEGIN UPDATE t2 SET c0 = c0 WHERE rowid = NEW.rowid; END;
                CREATE TRIGGER g1 AFTER INSERT ON t2 BEGIN UPDATE t1 SET c0 = c0 WHERE rowid = NEW.rowid; END;
                """);
        Schema to = SqlModels.parse("CREATE TABLE t0 (c0 INTEGER NOT NULL DEFAULT 0);");

        List<SchemaEvent> events = SchemaDiff.events(from, to);

        assertEquals(to, dev.strata.events.projection.Projection.apply(from, events));
    }
}
