package dev.strata.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rows seeded as an application would store them, and migrations that fail only on some data told apart from
 * migrations that are wrong: a data-dependent warning with the query to run on production, or an error.
 */
class SeedingTest {

    private static final String SHOP = """
            CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, created_at DATETIME NOT NULL);
            CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT, users_id INTEGER REFERENCES users (id), owner TEXT);
            """;
    private static final String SHOP_DOWN = "DROP TABLE products;\nDROP TABLE users;\n";

    @TempDir
    Path dir;

    private Cli check(String... upDown) throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        for (int i = 0; i < upDown.length / 2; i++) {
            Files.writeString(m.resolve("V" + (i + 1) + "__step" + (i + 1) + ".sql"), upDown[2 * i]);
            Files.writeString(m.resolve("U" + (i + 1) + "__step" + (i + 1) + ".sql"), upDown[2 * i + 1]);
        }
        return Cli.run("-C", dir.toString(), "check", "--migrations", "migration", "--format", "json");
    }

    private static List<JsonNode> findings(Cli cli, String severity) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(cli.out()).get("findings").forEach(f -> {
            if (f.get("severity").asText().equals(severity)) {
                out.add(f);
            }
        });
        return out;
    }

    private static JsonNode only(List<JsonNode> findings, String text) {
        List<JsonNode> hits = findings.stream().filter(f -> f.get("message").asText().contains(text)).toList();
        assertEquals(1, hits.size(), "one finding with '" + text + "' in " + findings);
        return hits.get(0);
    }

    @Test
    void a_unique_index_on_a_foreign_key_column_is_a_data_dependent_warning_with_its_query() throws Exception {
        Cli cli = check(SHOP, SHOP_DOWN,
                "CREATE UNIQUE INDEX ix_products_users_id ON products (users_id);", "DROP INDEX ix_products_users_id;");

        assertEquals(List.of(), findings(cli, "error"), cli.out());
        JsonNode warning = only(findings(cli, "warning"), "[data-dependent] adds unique index ix_products_users_id (users_id)");
        assertEquals(2, warning.get("revision").asInt());
        assertEquals("before deploying, run on a copy of production: SELECT \"users_id\", count(*) FROM \"products\""
                + " WHERE \"users_id\" IS NOT NULL GROUP BY \"users_id\" HAVING count(*) > 1", warning.get("hint").asText());
        assertEquals(0, cli.exit(), cli.toString());
    }

    @Test
    void a_unique_index_that_seeded_rows_pass_still_warns_that_production_rows_may_not() throws Exception {
        Cli cli = check(SHOP, SHOP_DOWN, "CREATE UNIQUE INDEX ux_users_email ON users (email);", "DROP INDEX ux_users_email;");

        only(findings(cli, "warning"), "[data-dependent] adds unique index ux_users_email (email) on table users");
        assertEquals(0, cli.exit(), cli.toString());
    }

    @Test
    void a_foreign_key_added_to_a_column_of_free_text_is_a_warning_not_an_error() throws Exception {
        String[] history = {
            "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, created_at DATETIME NOT NULL);\n"
                    + "CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT, users_id INTEGER REFERENCES users (id), owner TEXT);",
            SHOP_DOWN,
            "CREATE TABLE products_new (id INTEGER PRIMARY KEY, name TEXT, users_id INTEGER REFERENCES users (id),"
                    + " owner TEXT REFERENCES users (email));\n"
                    + "INSERT INTO products_new SELECT id, name, users_id, owner FROM products;\n"
                    + "DROP TABLE products;\nALTER TABLE products_new RENAME TO products;",
            "CREATE TABLE products_new (id INTEGER PRIMARY KEY, name TEXT, users_id INTEGER REFERENCES users (id), owner TEXT);\n"
                    + "INSERT INTO products_new SELECT id, name, users_id, owner FROM products;\n"
                    + "DROP TABLE products;\nALTER TABLE products_new RENAME TO products;",
        };

        Cli fk = check(history);

        assertEquals(List.of(), findings(fk, "error"), fk.out());
        only(findings(fk, "warning"), "[data-dependent] adds foreign key (owner) REFERENCES users (email) on table products");
        assertTrue(only(findings(fk, "info"), "V2__step2.sql fails on the rows seeded before it").get("message").asText()
                .contains("FOREIGN KEY constraint failed"), fk.out());
    }

    @Test
    void a_not_null_added_with_a_default_by_a_rebuild_is_a_warning_when_some_rows_hold_null() throws Exception {
        Cli cli = check(SHOP, SHOP_DOWN,
                "CREATE TABLE products_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '', users_id INTEGER REFERENCES"
                        + " users (id), owner TEXT);\nINSERT INTO products_new SELECT id, name, users_id, owner FROM products;\n"
                        + "DROP TABLE products;\nALTER TABLE products_new RENAME TO products;",
                "CREATE TABLE products_new (id INTEGER PRIMARY KEY, name TEXT, users_id INTEGER REFERENCES users (id), owner TEXT);\n"
                        + "INSERT INTO products_new SELECT id, name, users_id, owner FROM products;\n"
                        + "DROP TABLE products;\nALTER TABLE products_new RENAME TO products;");

        assertEquals(List.of(), findings(cli, "error"), cli.out());
        JsonNode warning = only(findings(cli, "warning"), "[data-dependent] adds NOT NULL on name on table products");
        assertTrue(warning.get("hint").asText().endsWith("SELECT * FROM \"products\" WHERE \"name\" IS NULL"), warning.toString());
    }

    @Test
    void a_rebuild_that_breaks_rows_satisfying_every_constraint_stays_an_error() throws Exception {
        // the copy renumbers the users, so the products' references no longer match: a real bug, whatever the data
        Cli cli = check(SHOP, SHOP_DOWN,
                "CREATE TABLE users_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL, created_at DATETIME NOT NULL);\n"
                        + "INSERT INTO users_new (id, email, created_at) SELECT id + 1000, email, created_at FROM users;\n"
                        + "DROP TABLE users;\nALTER TABLE users_new RENAME TO users;",
                "SELECT 1;");

        assertEquals(1, cli.exit(), cli.toString());
        assertTrue(findings(cli, "error").stream().anyMatch(f -> f.get("revision").asInt() == 2), cli.out());
    }

    @Test
    void dates_are_seeded_as_iso_text_so_a_timestamp_conversion_round_trips() throws Exception {
        Cli cli = check(SHOP, SHOP_DOWN,
                "UPDATE users SET created_at = CAST(strftime('%s', created_at) AS INTEGER);",
                "UPDATE users SET created_at = datetime(created_at, 'unixepoch');");

        assertEquals(List.of(), findings(cli, "error"), cli.out());
        assertEquals(0, cli.exit(), cli.toString());
    }

    @Test
    void a_column_the_migrations_read_as_json_is_seeded_with_json() throws Exception {
        Cli cli = check("CREATE TABLE events (id INTEGER PRIMARY KEY, payload TEXT NOT NULL, kind TEXT);", "DROP TABLE events;",
                "UPDATE events SET kind = json_extract(payload, '$.kind');", "UPDATE events SET kind = NULL;");

        assertEquals(List.of(), findings(cli, "error"), cli.out());
        JsonNode lost = only(findings(cli, "warning"), "rows of table events differ");
        assertTrue(lost.get("message").asText().contains("\"kind\":\"k"), "the seeded row is quoted as the app stores it: " + lost);
    }

    @Test
    void a_downgrade_that_fails_on_rows_breaking_a_constraint_it_puts_back_is_a_data_dependent_warning() throws Exception {
        Cli cli = check("CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT UNIQUE);", "DROP TABLE tags;",
                "CREATE TABLE tags_new (id INTEGER PRIMARY KEY, name TEXT);\nINSERT INTO tags_new SELECT id, name FROM tags;\n"
                        + "DROP TABLE tags;\nALTER TABLE tags_new RENAME TO tags;\nINSERT INTO tags (name) SELECT name FROM tags;",
                "CREATE TABLE tags_new (id INTEGER PRIMARY KEY, name TEXT UNIQUE);\nINSERT INTO tags_new SELECT id, name FROM tags;\n"
                        + "DROP TABLE tags;\nALTER TABLE tags_new RENAME TO tags;");

        JsonNode warning = only(findings(cli, "warning"), "[data-dependent] U2__step2.sql fails on rows that break the UNIQUE (name)");
        assertTrue(warning.get("hint").asText().contains("GROUP BY \"name\" HAVING count(*) > 1"), warning.toString());
    }

    @Test
    void a_table_no_generated_row_fits_is_reported_with_sqlites_reason() throws Exception {
        Cli cli = check("CREATE TABLE codes (code TEXT NOT NULL CHECK (code GLOB '[0-9][0-9][0-9]-[A-Z]'));", "DROP TABLE codes;",
                "ALTER TABLE codes ADD COLUMN note TEXT;", "ALTER TABLE codes DROP COLUMN note;");

        JsonNode info = only(findings(cli, "info"), "table codes got no seeded rows");
        assertEquals(2, info.get("revision").asInt());
        assertTrue(info.get("message").asText().contains("CHECK constraint failed"), info.toString());
        assertEquals(0, cli.exit(), cli.toString());
    }
}
