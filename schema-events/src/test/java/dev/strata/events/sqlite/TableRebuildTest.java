package dev.strata.events.sqlite;

import dev.strata.events.CheckAdded;
import dev.strata.events.ColumnAltered;
import dev.strata.events.ForeignKeyAdded;
import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.sql.SqlScript;
import dev.strata.events.sql.SqliteDialect;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hard rebuild: a parent table referenced by foreign keys (CASCADE and no action), a view and a
 * trigger on another table, rebuilt with foreign keys ON and child rows present.
 */
class TableRebuildTest {

    private static final String MODELS = """
            CREATE TABLE companies (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                symbol TEXT NOT NULL UNIQUE COLLATE NOCASE,
                price TEXT,
                updates INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX ix_companies_price ON companies (price);
            CREATE TABLE prices (
                id INTEGER PRIMARY KEY,
                company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
                close REAL
            );
            CREATE TABLE notes (
                id INTEGER PRIMARY KEY,
                company_id INTEGER REFERENCES companies (id),
                body TEXT
            );
            CREATE VIEW v_symbols AS SELECT symbol FROM companies;
            CREATE TRIGGER trg_prices_touch AFTER INSERT ON prices BEGIN
                UPDATE companies SET updates = updates + 1 WHERE id = new.company_id;
            END;
            """;

    private static final Identifier COMPANIES = Identifier.of("companies");

    private static final List<SchemaEvent> CHANGE = List.of(
            new ColumnAltered(COMPANIES, new Column(Identifier.of("price"), "REAL", false, null, null)),
            new CheckAdded(COMPANIES, new Check(Identifier.of("price_positive"), "price >= 0")));

    private static void seed(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO companies (symbol, price) VALUES ('AAPL', '190.5'), ('MSFT', '410'), ('SAP', '120.25')");
            st.execute("INSERT INTO prices (company_id, close) VALUES (1, 1.0), (1, 2.0), (2, 3.0), (3, 4.0), (3, 5.0)");
            st.execute("INSERT INTO notes (company_id, body) VALUES (1, 'buy'), (3, 'hold')");
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void rebuilding_a_referenced_table_keeps_every_child_row_view_trigger_and_index() throws Exception {
        Schema before = SqlModels.parse(MODELS);
        Schema after = Projection.apply(before, CHANGE);
        SqlScript up = SqliteDialect.render(before, CHANGE);

        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.run(SqliteDialect.createAll(before));
            seed(db.connection());
            db.run(up);

            Connection c = db.connection();
            assertFalse(up.transactional(), "a referenced table is rebuilt with foreign keys off");
            assertEquals(after, db.schema());
            assertEquals(5, count(c, "SELECT count(*) FROM prices"));
            assertEquals(2, count(c, "SELECT count(*) FROM notes"));
            assertEquals(0, count(c, "SELECT count(*) FROM pragma_foreign_key_check"));
            assertEquals(1, count(c, "PRAGMA foreign_keys"));
            assertEquals(3, count(c, "SELECT count(*) FROM v_symbols"));
            assertEquals("real", c.createStatement().executeQuery("SELECT typeof(price) FROM companies WHERE id = 1").getString(1));
            long updates = count(c, "SELECT updates FROM companies WHERE id = 2");
            c.createStatement().execute("INSERT INTO prices (company_id, close) VALUES (2, 9.0)");
            assertEquals(updates + 1, count(c, "SELECT updates FROM companies WHERE id = 2"));
        }
    }

    @Test
    void downgrade_of_the_rebuild_gives_back_the_previous_schema_and_rows() throws Exception {
        Schema before = SqlModels.parse(MODELS);
        Revision r = new Revision(2, "price-real", "Price as REAL", "test", Instant.EPOCH, "a".repeat(64), CHANGE, null);

        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.run(SqliteDialect.createAll(before));
            seed(db.connection());
            db.run(SqliteDialect.upgrade(before, r));
            db.run(SqliteDialect.downgrade(before, r));

            assertEquals(before, db.schema());
            assertEquals(5, count(db.connection(), "SELECT count(*) FROM prices"));
            assertEquals(3, count(db.connection(), "SELECT count(*) FROM companies WHERE price IS NOT NULL"));
        }
    }

    @Test
    void a_rebuild_of_an_unreferenced_table_that_would_orphan_rows_fails_and_changes_nothing() throws Exception {
        Schema before = SqlModels.parse(MODELS);
        List<SchemaEvent> addFk = List.of(new ForeignKeyAdded(Identifier.of("prices"), ForeignKey.of("id", "notes", "id")));
        SqlScript up = SqliteDialect.render(before, addFk);

        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.run(SqliteDialect.createAll(before));
            seed(db.connection());
            SQLException e = assertThrows(SQLException.class, () -> db.run(up));

            assertTrue(up.transactional());
            assertTrue(e.getMessage().contains("FOREIGN KEY constraint failed"), e.getMessage());
            assertEquals(before, db.schema());
            assertEquals(5, count(db.connection(), "SELECT count(*) FROM prices"));
        }
    }

    @Test
    void a_rebuild_of_a_referenced_table_that_would_orphan_rows_fails_and_changes_nothing() throws Exception {
        Schema before = SqlModels.parse(MODELS);
        List<SchemaEvent> addFk = List.of(new ForeignKeyAdded(COMPANIES, ForeignKey.of("updates", "notes", "id")));
        SqlScript up = SqliteDialect.render(before, addFk);

        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.run(SqliteDialect.createAll(before));
            seed(db.connection());
            db.connection().createStatement().execute("UPDATE companies SET updates = 42 WHERE id = 1");
            SQLException e = assertThrows(SQLException.class, () -> db.run(up));

            assertFalse(up.transactional());
            assertTrue(e.getMessage().contains("no_foreign_key_violations_after_rebuild"), e.getMessage());
            assertEquals(before, db.schema());
            assertEquals(5, count(db.connection(), "SELECT count(*) FROM prices"));
            assertEquals(1, count(db.connection(), "PRAGMA foreign_keys"));
        }
    }

    @Test
    void stock_flyway_runs_the_generated_rebuild_with_foreign_keys_on(@TempDir Path dir) throws Exception {
        Schema before = SqlModels.parse(MODELS);
        Revision r = new Revision(2, "price-real", "Price as REAL", "test", Instant.EPOCH, "a".repeat(64), CHANGE, null);
        Path migrations = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(migrations.resolve("V1__base.sql"), SqliteDialect.createAll(before).text()
                + "INSERT INTO companies (symbol, price) VALUES ('AAPL', '1');\nINSERT INTO prices (company_id) VALUES (1);\n");
        Files.writeString(migrations.resolve(r.upgradeFileName()), SqliteDialect.upgradeFile(r, before, "schema/events"));
        Files.writeString(migrations.resolve(r.upgradeFileName() + ".conf"),
                SqliteDialect.flywayScriptConfig(SqliteDialect.upgrade(before, r)).orElseThrow());
        Files.writeString(migrations.resolve(r.downgradeFileName()), SqliteDialect.downgradeFile(r, before, "schema/events"));
        String url = "jdbc:sqlite:" + dir.resolve("app.db") + "?foreign_keys=true";

        var result = Flyway.configure().dataSource(url, null, null).locations("filesystem:" + migrations).load().migrate();

        assertTrue(result.success);
        assertEquals(2, result.migrationsExecuted);
        try (ScratchDatabase db = ScratchDatabase.file(dir.resolve("app.db"), true)) {
            assertEquals(Projection.apply(before, CHANGE), db.schema());
            assertEquals(1, count(db.connection(), "SELECT count(*) FROM prices"));
            assertEquals(2, count(db.connection(), "SELECT count(*) FROM flyway_schema_history WHERE success = 1"));
        }
    }
}
