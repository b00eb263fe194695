package dev.strata.events.sqlite;

import dev.strata.events.CheckAdded;
import dev.strata.events.ColumnAltered;
import dev.strata.events.ForeignKeyAdded;
import dev.strata.events.SchemaEvent;
import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.sql.SqlScript;
import dev.strata.events.sql.SqliteDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static dev.strata.events.sqlite.Queries.exec;
import static dev.strata.events.sqlite.Queries.number;
import static dev.strata.events.sqlite.Queries.rows;
import static dev.strata.events.sqlite.Queries.storedSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hard case: with {@code PRAGMA foreign_keys = ON} and child rows present, a parent referenced by
 * a CASCADE child, a no-action child, itself, a view (and a view on that view) and a trigger on another
 * table is rebuilt. A naive rebuild would delete the CASCADE children or fail on the others.
 */
class ReferencedTableRebuildTest {

    static final String MODELS = """
            CREATE TABLE company (
                id INTEGER PRIMARY KEY,
                symbol TEXT NOT NULL UNIQUE,
                price TEXT,
                parent_id INTEGER REFERENCES company (id),
                ticks INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX ix_company_price ON company (price);
            CREATE TABLE quote (
                id INTEGER PRIMARY KEY,
                company_id INTEGER NOT NULL REFERENCES company (id) ON DELETE CASCADE,
                close REAL
            );
            CREATE TABLE memo (id INTEGER PRIMARY KEY, company_id INTEGER REFERENCES company (id), body TEXT);
            CREATE TABLE audit (what TEXT);
            CREATE VIEW v_company AS SELECT id, symbol, price FROM company;
            CREATE VIEW v_symbols AS SELECT symbol FROM v_company;
            CREATE TRIGGER trg_quote_tick AFTER INSERT ON quote BEGIN
                UPDATE company SET ticks = ticks + 1 WHERE id = new.company_id;
            END;
            CREATE TRIGGER trg_company_audit AFTER UPDATE OF price ON company BEGIN
                INSERT INTO audit (what) VALUES ('price ' || new.symbol);
            END;
            """;

    static final Identifier COMPANY = Identifier.of("company");

    /** A type change and an added check: one rebuild. */
    static final List<SchemaEvent> CHANGE = List.of(
            new ColumnAltered(COMPANY, new Column(Identifier.of("price"), "REAL", false, null, null)),
            new CheckAdded(COMPANY, new Check(Identifier.of("price_positive"), "price >= 0")));

    static void seed(Connection c) throws SQLException {
        exec(c, "INSERT INTO company (id, symbol, price, parent_id) VALUES (1, 'AAPL', '190.5', NULL), (2, 'MSFT', '410', 1), (3, 'SAP', '120.25', 2)",
                "INSERT INTO quote (company_id, close) VALUES (1, 1.0), (1, 2.0), (2, 3.0), (3, 4.0), (3, 5.0)",
                "INSERT INTO memo (company_id, body) VALUES (1, 'buy'), (3, 'hold'), (NULL, 'none')");
    }

    private static ScratchDatabase seeded(Path file) throws SQLException {
        ScratchDatabase db = ScratchDatabase.file(file, true);
        db.run(SqliteDialect.createAll(SqlModels.parse(MODELS)));
        seed(db.connection());
        return db;
    }

    @Test
    void the_rebuild_is_one_non_transactional_script_with_a_single_rebuild() {
        SqlScript up = SqliteDialect.render(SqlModels.parse(MODELS), CHANGE);

        assertFalse(up.transactional());
        assertEquals(1, up.statements().stream().filter(s -> s.startsWith("DROP TABLE \"company\"")).count());
        assertEquals(List.of("DROP VIEW \"v_symbols\"", "DROP VIEW \"v_company\""),
                up.statements().stream().filter(x -> x.startsWith("DROP VIEW")).toList(),
                "a view is dropped before the view it depends on: " + up.statements());
    }

    @Test
    void no_child_row_is_deleted_or_orphaned(@TempDir Path dir) throws SQLException {
        try (ScratchDatabase db = seeded(dir.resolve("app.db"))) {
            Connection c = db.connection();

            db.run(SqliteDialect.render(SqlModels.parse(MODELS), CHANGE));

            assertEquals(5, number(c, "SELECT count(*) FROM quote"));
            assertEquals(3, number(c, "SELECT count(*) FROM memo"));
            assertEquals(3, number(c, "SELECT count(*) FROM company WHERE parent_id IS NOT NULL OR id = 1"));
            assertEquals(List.of(), rows(c, "PRAGMA foreign_key_check"));
            assertEquals(1, number(c, "PRAGMA foreign_keys"));
        }
    }

    @Test
    void the_schema_is_the_projection_and_the_values_took_the_new_type(@TempDir Path dir) throws SQLException {
        try (ScratchDatabase db = seeded(dir.resolve("app.db"))) {

            db.run(SqliteDialect.render(SqlModels.parse(MODELS), CHANGE));

            assertEquals(Projection.apply(SqlModels.parse(MODELS), CHANGE), db.schema());
            assertEquals(List.of("real|190.5", "real|410.0", "real|120.25"), rows(db.connection(), "SELECT typeof(price), price FROM company ORDER BY id"));
        }
    }

    @Test
    void views_triggers_and_indexes_are_back_and_work(@TempDir Path dir) throws SQLException {
        try (ScratchDatabase db = seeded(dir.resolve("app.db"))) {
            Connection c = db.connection();

            db.run(SqliteDialect.render(SqlModels.parse(MODELS), CHANGE));
            exec(c, "INSERT INTO quote (company_id, close) VALUES (2, 9.0)", "UPDATE company SET price = 1 WHERE id = 3");

            assertEquals(List.of("AAPL", "MSFT", "SAP"), rows(c, "SELECT symbol FROM v_symbols ORDER BY symbol"));
            assertEquals(2, number(c, "SELECT ticks FROM company WHERE id = 2"), "one tick from the seed, one from the trigger on quote");
            assertEquals(List.of("price SAP"), rows(c, "SELECT what FROM audit"), "trigger on company fired");
            assertEquals(List.of("ix_company_price", "sqlite_autoindex_company_1"),
                    rows(c, "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'company' ORDER BY name"));
            assertEquals(List.of(), rows(c, "SELECT name FROM sqlite_schema WHERE name LIKE '%strata%'"));
        }
    }

    @Test
    void the_cascade_still_works_after_the_rebuild(@TempDir Path dir) throws SQLException {
        try (ScratchDatabase db = seeded(dir.resolve("app.db"))) {
            Connection c = db.connection();
            db.run(SqliteDialect.render(SqlModels.parse(MODELS), CHANGE));

            exec(c, "DELETE FROM memo WHERE company_id = 3", "DELETE FROM company WHERE id = 3");

            assertEquals(3, number(c, "SELECT count(*) FROM quote"));
            SQLException refused = assertThrows(SQLException.class, () -> exec(c, "DELETE FROM company WHERE id = 1"));
            assertTrue(refused.getMessage().contains("FOREIGN KEY constraint failed"), refused.getMessage());
        }
    }

    @Test
    void a_rebuild_that_would_orphan_a_row_fails_and_leaves_the_database_unchanged(@TempDir Path dir) throws SQLException {
        Path file = dir.resolve("app.db");
        Schema before = SqlModels.parse(MODELS);
        List<SchemaEvent> addFk = List.of(new ForeignKeyAdded(COMPANY, ForeignKey.of("ticks", "memo", "id")));
        List<String> stored;
        try (ScratchDatabase db = seeded(file)) {
            exec(db.connection(), "UPDATE company SET ticks = 42 WHERE id = 2");
            stored = storedSchema(db.connection());

            SQLException e = assertThrows(SQLException.class, () -> db.run(SqliteDialect.render(before, addFk)));

            assertTrue(e.getMessage().contains("no_foreign_key_violations_after_rebuild"), e.getMessage());
            assertTrue(e.getMessage().startsWith("statement "), e.getMessage());
            assertEquals(1, number(db.connection(), "PRAGMA foreign_keys"));
        }
        try (ScratchDatabase reopened = ScratchDatabase.file(file, true)) {
            assertEquals(stored, storedSchema(reopened.connection()));
            assertEquals(before, reopened.schema());
            assertEquals(5, number(reopened.connection(), "SELECT count(*) FROM quote"));
        }
    }

    @Test
    void downgrade_restores_the_previous_schema_and_keeps_the_rows(@TempDir Path dir) throws SQLException {
        Schema before = SqlModels.parse(MODELS);
        Schema after = Projection.apply(before, CHANGE);
        try (ScratchDatabase db = seeded(dir.resolve("app.db"))) {
            List<String> stored = storedSchema(db.connection());
            db.run(SqliteDialect.render(before, CHANGE));

            db.run(SqliteDialect.render(after, Projection.inverse(before, CHANGE)));

            assertEquals(before, db.schema());
            assertEquals(stored.size(), storedSchema(db.connection()).size());
            assertEquals(5, number(db.connection(), "SELECT count(*) FROM quote"));
            assertEquals(List.of(), rows(db.connection(), "PRAGMA foreign_key_check"));
        }
    }

    @Test
    void bookkeeping_added_to_a_failing_rebuild_is_rolled_back_with_it(@TempDir Path dir) throws SQLException {
        List<SchemaEvent> addFk = List.of(new ForeignKeyAdded(COMPANY, ForeignKey.of("ticks", "memo", "id")));
        try (ScratchDatabase db = seeded(dir.resolve("app.db"))) {
            exec(db.connection(), "CREATE TABLE history (version INTEGER)", "UPDATE company SET ticks = 42 WHERE id = 2");
            SqlScript script = SqliteDialect.render(SqlModels.parse(MODELS), addFk)
                    .withStatementsInItsTransaction(List.of("INSERT INTO history VALUES (7)"));

            assertThrows(SQLException.class, () -> db.run(script));

            assertEquals(0, number(db.connection(), "SELECT count(*) FROM history"));
            exec(db.connection(), "UPDATE company SET ticks = 1 WHERE id = 2");
            db.run(script);
            assertEquals(1, number(db.connection(), "SELECT count(*) FROM history"));
        }
    }
}
