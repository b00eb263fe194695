package dev.strata.events.sqlite;

import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.schema.Schema;
import dev.strata.events.sql.SqlScript;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** models.sql is read by SQLite itself, so it takes whatever migrations can build. */
class SqlModelsAllOfSqliteTest {

    private static final String MODELS = """
            CREATE TABLE "user accounts" (
                id INTEGER PRIMARY KEY,
                email TEXT NOT NULL,
                domain TEXT GENERATED ALWAYS AS (substr(email, instr(email, '@') + 1)) VIRTUAL
            );
            CREATE UNIQUE INDEX ux_users_email ON "user accounts" (lower(email));
            CREATE TABLE settings (key TEXT PRIMARY KEY, value ANY) STRICT, WITHOUT ROWID;
            CREATE VIRTUAL TABLE docs USING fts5(title, body);
            """;

    @Test
    void models_sql_with_every_kind_of_object_equals_the_schema_migrations_build() {
        Schema models = SqlModels.parse(MODELS);

        Schema migrated;
        try (ScratchDatabase db = ScratchDatabase.create(true)) {
            db.apply(new SqlScript(List.of(
                    "CREATE TABLE \"user accounts\" (id INTEGER PRIMARY KEY, email TEXT NOT NULL)",
                    "CREATE TABLE settings (key TEXT PRIMARY KEY, value ANY) STRICT, WITHOUT ROWID",
                    "ALTER TABLE \"user accounts\" ADD COLUMN domain TEXT AS (substr(email, instr(email, '@') + 1))",
                    "CREATE UNIQUE INDEX ux_users_email ON \"USER ACCOUNTS\" (LOWER(email))",
                    "CREATE VIRTUAL TABLE docs USING fts5(title, body)"), true));
            migrated = db.introspect();
        }

        assertEquals(List.of(), SchemaDiff.differences(models, migrated));
        assertEquals(models, migrated);
    }
}
