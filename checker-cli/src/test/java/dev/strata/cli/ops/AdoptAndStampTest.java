package dev.strata.cli.ops;

import dev.strata.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdoptAndStampTest {

    @TempDir
    Path dir;

    private Path legacyDatabase() throws Exception {
        Path db = dir.resolve("legacy.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.execute("CREATE TABLE companies (id INTEGER PRIMARY KEY AUTOINCREMENT, symbol TEXT NOT NULL UNIQUE COLLATE NOCASE)");
            st.execute("CREATE TABLE prices (id INTEGER PRIMARY KEY, company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,"
                    + " day TEXT NOT NULL, close REAL CHECK (close >= 0), UNIQUE (company_id, day))");
            st.execute("CREATE INDEX ix_prices_day ON prices (day)");
            st.execute("INSERT INTO companies (symbol) VALUES ('AAPL')");
        }
        return db;
    }

    @Test
    void init_adopts_an_existing_database_so_that_check_passes_right_away() throws Exception {
        legacyDatabase();

        Cli init = Cli.run("-C", dir.toString(), "init", "--from-db", "legacy.db", "--author", "me");
        Cli check = Cli.run("-C", dir.toString(), "check");
        Cli current = Cli.run("-C", dir.toString(), "current");

        assertEquals(0, init.exit(), init.toString());
        assertTrue(Files.exists(dir.resolve("strata.yaml")));
        assertTrue(Files.exists(dir.resolve("db/migration/V1__baseline.sql")));
        assertEquals(0, check.exit(), check.toString());
        assertEquals(0, current.exit(), current.toString());
        assertTrue(current.out().startsWith("legacy.db is at revision 1 (baseline)"), current.out());
        assertTrue(current.out().contains("the live schema matches revision 1"), current.out());
    }

    @Test
    void init_refuses_a_project_that_exists() throws Exception {
        legacyDatabase();
        Files.writeString(dir.resolve("strata.yaml"), "subject: x\n");

        Cli cli = Cli.run("-C", dir.toString(), "init", "--from-db", "legacy.db");

        assertEquals(2, cli.exit());
        assertTrue(cli.err().contains("is already a strata project"), cli.err());
    }

    @Test
    void stamp_records_a_revision_as_applied_without_running_it_and_back() throws Exception {
        legacyDatabase();
        Cli.run("-C", dir.toString(), "init", "--from-db", "legacy.db");
        LiveDatabase db = new LiveDatabase(dir.resolve("legacy.db"));
        String before = db.schema().toString();

        Cli down = Cli.run("-C", dir.toString(), "stamp", "base");
        int atBase = db.currentVersion();
        Cli up = Cli.run("-C", dir.toString(), "stamp", "head");

        assertEquals(0, atBase);
        assertEquals(1, down.exit(), "stamping base leaves the tables, which is drift: " + down);
        assertEquals(0, up.exit(), up.toString());
        assertEquals(1, db.currentVersion());
        assertEquals(before, db.schema().toString());
    }
}
