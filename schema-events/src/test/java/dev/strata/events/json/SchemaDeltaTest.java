package dev.strata.events.json;

import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.sqlite.ScratchDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A schema delta gives back the later schema exactly, the order of its objects included, and holds only what changed. */
class SchemaDeltaTest {

    @Test
    void a_history_of_schemas_read_by_sqlite_comes_back_exactly_from_its_deltas() throws Exception {
        List<String> steps = List.of(
                "CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL COLLATE NOCASE UNIQUE, born DATE DEFAULT '2000-01-01')",
                "CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,"
                        + " total REAL CHECK (total >= 0), state TEXT CHECK (state IN ('new', 'paid'))) STRICT",
                "CREATE UNIQUE INDEX ux_users_email ON users (lower(email)) WHERE email IS NOT NULL",
                "CREATE VIEW paid AS SELECT o.id, u.email FROM orders o JOIN users u ON u.id = o.user_id WHERE state = 'paid'",
                "CREATE TRIGGER orders_audit AFTER INSERT ON orders BEGIN UPDATE users SET born = born WHERE id = NEW.user_id; END",
                "ALTER TABLE users ADD COLUMN nickname TEXT",
                "DROP TRIGGER orders_audit",
                // a rebuild: the table goes to the end of the schema's order
                "CREATE TABLE users_new (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL COLLATE NOCASE UNIQUE,"
                        + " born DATE DEFAULT '2000-01-01', nickname TEXT NOT NULL DEFAULT '') ;; "
                        + " INSERT INTO users_new SELECT id, email, born, coalesce(nickname, '') FROM users ;; DROP VIEW paid ;; "
                        + " DROP TABLE users ;; ALTER TABLE users_new RENAME TO users ;; "
                        + " CREATE UNIQUE INDEX ux_users_email ON users (lower(email)) WHERE email IS NOT NULL ;; "
                        + " CREATE VIEW paid AS SELECT o.id, u.email FROM orders o JOIN users u ON u.id = o.user_id WHERE state = 'paid'",
                "CREATE VIRTUAL TABLE notes USING fts5(body)");
        Schema before = Schema.EMPTY;
        try (ScratchDatabase db = ScratchDatabase.inMemory(false)) {
            for (String step : steps) {
                for (String sql : step.split(" ;; ")) {
                    db.connection().createStatement().execute(sql);
                }
                Schema after = db.introspect();
                String delta = SchemaDelta.between(before, after);

                Schema again = SchemaDelta.apply(before, delta);

                assertEquals(after, again, step);
                assertEquals(List.copyOf(after.tables().keySet()), List.copyOf(again.tables().keySet()), step);
                assertEquals(List.copyOf(after.indexes().keySet()), List.copyOf(again.indexes().keySet()), step);
                assertEquals(SchemaJson.write(after), SchemaJson.write(again), step);
                before = after;
            }
        }
    }

    @Test
    void a_delta_holds_only_what_changed() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.inMemory(false)) {
            for (int i = 0; i < 50; i++) {
                db.connection().createStatement().execute("CREATE TABLE t" + i + " (id INTEGER PRIMARY KEY, a TEXT, b TEXT, c TEXT)");
            }
            Schema before = db.introspect();
            db.connection().createStatement().execute("ALTER TABLE t7 ADD COLUMN d TEXT");
            Schema after = db.introspect();

            String delta = SchemaDelta.between(before, after);

            assertTrue(delta.contains("\"t7\"") && !delta.contains("\"t8\""), delta);
            assertTrue(delta.length() < SchemaJson.write(after).length() / 20, delta);
            assertEquals("{}", SchemaDelta.between(after, after).replaceAll("\\s", ""));
            assertEquals(after, SchemaDelta.apply(after, "{}"));
        }
    }

    @Test
    void a_delta_that_does_not_fit_the_schema_is_refused_by_name() throws Exception {
        Schema empty = Schema.EMPTY;

        RevisionFormatException e = assertThrows(RevisionFormatException.class,
                () -> SchemaDelta.apply(empty, "{\"indexes\": {\"removed\": [], \"put\": [{\"name\": \"ix\", \"table\": \"missing\","
                        + " \"columns\": [\"a\"]}]}}"));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertThrows(RevisionFormatException.class, () -> SchemaDelta.apply(empty, "not json"));
        assertThrows(RevisionFormatException.class, () -> SchemaDelta.apply(empty, "{\"tables\": {\"removed\": [], \"put\": [],"
                + " \"order\": [\"" + Identifier.of("ghost").name() + "\"]}}"));
    }
}
