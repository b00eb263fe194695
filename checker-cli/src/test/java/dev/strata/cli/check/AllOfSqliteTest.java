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
 * Whatever SQLite accepts, a plain folder may hold, and the check reads and compares it: a history using all
 * of it passes, its models.sql matches, and a downgrade that forgets any one of them is found.
 */
class AllOfSqliteTest {

    /** Each feature as an upgrade and its downgrade. */
    private static final String[][] FEATURES = {
        {"CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, payload TEXT, team_id INTEGER, "
                + "\"display name\" TEXT COLLATE NOCASE);", "DROP TABLE users;"},
        {"CREATE UNIQUE INDEX ux_users_email ON users (lower(email));", "DROP INDEX ux_users_email;"},
        {"CREATE INDEX ix_users_kind ON users (json_extract(payload, '$.kind')) WHERE payload IS NOT NULL;", "DROP INDEX ix_users_kind;"},
        {"CREATE INDEX ix_users_name ON users (\"display name\" COLLATE BINARY DESC, id);", "DROP INDEX ix_users_name;"},
        {"CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT NOT NULL, slug TEXT GENERATED ALWAYS AS (lower(name)) VIRTUAL, "
                + "size INTEGER AS (length(name)) STORED);", "DROP TABLE teams;"},
        {"CREATE TABLE memberships (team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE "
                + "REFERENCES teams (id), user_id INTEGER REFERENCES users (id), archived_id INTEGER REFERENCES archive (id));",
                "DROP TABLE memberships;"},
        {"CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID;", "DROP TABLE kv;"},
        {"CREATE TABLE readings (id INTEGER PRIMARY KEY, value REAL NOT NULL, note TEXT) STRICT;", "DROP TABLE readings;"},
        {"CREATE TABLE pairs (a INTEGER NOT NULL, b TEXT NOT NULL, PRIMARY KEY (a, b)) STRICT, WITHOUT ROWID;", "DROP TABLE pairs;"},
        {"CREATE VIRTUAL TABLE docs USING fts5(title, body);", "DROP TABLE docs;"},
        {"CREATE VIRTUAL TABLE boxes USING rtree(id, minx, maxx, miny, maxy);", "DROP TABLE boxes;"},
        {"CREATE TABLE \"order\" (\"select\" INTEGER PRIMARY KEY, \"Prix-€\" REAL, \"weird\"\"name\" TEXT);", "DROP TABLE \"order\";"},
        {"CREATE TRIGGER trg_users_docs AFTER INSERT ON users BEGIN INSERT INTO docs (title, body) VALUES (NEW.email, NEW.payload); END;",
                "DROP TRIGGER trg_users_docs;"},
    };

    @TempDir
    Path dir;

    private Path project(int forgetful) throws Exception {
        Path m = Files.createDirectories(dir.resolve("migration"));
        for (int i = 0; i < FEATURES.length; i++) {
            Files.writeString(m.resolve("V" + (i + 1) + "__feature.sql"), FEATURES[i][0] + "\n");
            Files.writeString(m.resolve("U" + (i + 1) + "__feature.sql"), i + 1 == forgetful ? "SELECT 1;\n" : FEATURES[i][1] + "\n");
        }
        StringBuilder models = new StringBuilder();
        for (String[] f : FEATURES) {
            models.append(f[0]).append('\n');
        }
        Files.writeString(dir.resolve("models.sql"), models.toString());
        return dir;
    }

    private static Cli check(Path project) {
        return Cli.run("-C", project.toString(), "check", "--migrations", "migration", "--models", "models.sql", "--format", "json");
    }

    private static List<String> errors(Cli cli) throws Exception {
        List<String> out = new ArrayList<>();
        new ObjectMapper().readTree(cli.out()).get("findings").forEach(f -> {
            if (f.get("severity").asText().equals("error")) {
                out.add(f.get("revision").asInt() + " " + f.get("message").asText());
            }
        });
        return out;
    }

    @Test
    void a_history_using_all_of_sqlite_passes_and_matches_its_models() throws Exception {
        Cli cli = check(project(0));

        assertEquals(List.of(), errors(cli), cli.out());
        assertEquals(0, cli.exit(), cli.toString());
        JsonNode report = new ObjectMapper().readTree(cli.out());
        assertEquals("checked 13 of 13 revisions", report.get("coverage").asText());
        assertTrue(report.get("findings").toString().contains("[dangling-foreign-key] the foreign key memberships[archived_id]"
                + " references table archive, which does not exist"), cli.out());
    }

    @Test
    void a_downgrade_that_forgets_any_one_of_them_is_found_on_its_version() throws Exception {
        for (int forgetful = 2; forgetful <= FEATURES.length; forgetful++) {
            java.nio.file.Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir))
                    .forEach(p -> p.toFile().delete());

            Cli cli = check(project(forgetful));

            int version = forgetful;
            assertEquals(1, cli.exit(), "U" + forgetful + ": " + cli);
            assertTrue(errors(cli).stream().allMatch(e -> e.startsWith(version + " ")), "U" + forgetful + ": " + errors(cli));
        }
    }
}
