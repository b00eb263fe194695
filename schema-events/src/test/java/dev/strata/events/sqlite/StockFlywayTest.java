package dev.strata.events.sqlite;

import dev.strata.events.ColumnAdded;
import dev.strata.events.ForeignKeyAdded;
import dev.strata.events.IndexCreated;
import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import dev.strata.events.SqlExecuted;
import dev.strata.events.TableCreated;
import dev.strata.events.TriggerCreated;
import dev.strata.events.ViewCreated;
import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.Schema;
import dev.strata.events.sql.SqliteDialect;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.strata.events.sqlite.Queries.number;
import static dev.strata.events.sqlite.Queries.rows;
import static dev.strata.events.sqlite.Queries.storedSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated V files under stock Flyway Core, on a connection with foreign keys on: the same
 * result as Strata's own runner, one history row per V file, U files ignored. A non-transactional
 * revision runs outside Flyway's transaction thanks to its {@code V<n>__<slug>.sql.conf}.
 */
class StockFlywayTest {

    private static final String SEED_UP = """
            INSERT INTO company (id, symbol, price, parent_id) VALUES (1, 'AAPL', '190.5', NULL), (2, 'MSFT', '410', 1);
            INSERT INTO quote (company_id, close) VALUES (1, 1.0), (1, 2.0), (2, 3.0);
            INSERT INTO memo (company_id, body) VALUES (1, 'buy'), (2, 'hold');
            """;
    private static final String SEED_DOWN = "DELETE FROM memo; DELETE FROM quote; DELETE FROM company;";

    private static List<SchemaEvent> creating(Schema s) {
        List<SchemaEvent> out = new ArrayList<>();
        s.tables().values().forEach(t -> out.add(new TableCreated(t)));
        s.indexes().values().forEach(i -> out.add(new IndexCreated(i)));
        s.views().values().forEach(v -> out.add(new ViewCreated(v)));
        s.triggers().values().forEach(t -> out.add(new TriggerCreated(t)));
        return out;
    }

    private static Revision revision(int n, String slug, List<SchemaEvent> events) {
        return new Revision(n, slug, "Revision " + n, "test", Instant.EPOCH, n == 1 ? null : "a".repeat(64), events, null);
    }

    /** Four revisions: create, seed (SqlExecuted), the referenced rebuild (non-transactional), plain ALTERs. */
    static List<Revision> history() {
        return List.of(
                revision(1, "create", creating(SqlModels.parse(ReferencedTableRebuildTest.MODELS))),
                revision(2, "seed", List.of(new SqlExecuted("seed companies", SEED_UP, SEED_DOWN))),
                revision(3, "price-real", ReferencedTableRebuildTest.CHANGE),
                revision(4, "memo-author", List.of(
                        new ColumnAdded(Identifier.of("memo"), new Column(Identifier.of("author"), "TEXT", true, "'-'", null)),
                        new IndexCreated(Index.of(Identifier.of("ix_memo_author"), Identifier.of("memo"),
                                List.of(Identifier.of("author")), false, null)))));
    }

    /** Writes V, U and .conf files as the CLI does; returns the folder. */
    static Path writeMigrations(Path dir, List<Revision> revisions, boolean withConf) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("migration"));
        Schema before = Schema.EMPTY;
        for (Revision r : revisions) {
            Files.writeString(folder.resolve(r.upgradeFileName()), SqliteDialect.upgradeFile(r, before, "schema/events"));
            Files.writeString(folder.resolve(r.downgradeFileName()), SqliteDialect.downgradeFile(r, before, "schema/events"));
            if (withConf) {
                var conf = SqliteDialect.flywayScriptConfig(SqliteDialect.upgrade(before, r));
                if (conf.isPresent()) {
                    Files.writeString(folder.resolve(r.upgradeFileName() + ".conf"), conf.get());
                }
            }
            before = Projection.apply(before, r);
        }
        return folder;
    }

    private static Flyway flyway(Path db, Path folder) {
        return Flyway.configure().dataSource("jdbc:sqlite:" + db + "?foreign_keys=true", null, null)
                .locations("filesystem:" + folder).load();
    }

    @Test
    void only_the_referenced_rebuild_gets_a_conf_file(@TempDir Path dir) throws IOException {
        Path folder = writeMigrations(dir, history(), true);

        assertEquals(List.of("V3__price_real.sql.conf"), Files.list(folder).map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".conf")).toList());
        assertEquals("executeInTransaction=false\n", Files.readString(folder.resolve("V3__price_real.sql.conf")));
    }

    @Test
    void stock_flyway_applies_every_v_file_with_one_success_row_each(@TempDir Path dir) throws Exception {
        Path folder = writeMigrations(dir, history(), true);

        MigrateResult result = flyway(dir.resolve("app.db"), folder).migrate();

        assertTrue(result.success);
        assertEquals(4, result.migrationsExecuted);
        try (ScratchDatabase db = ScratchDatabase.file(dir.resolve("app.db"), true)) {
            assertEquals(List.of("1|1", "2|1", "3|1", "4|1"),
                    rows(db.connection(), "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank"));
            assertEquals(Projection.schemaAt(history(), 4), db.schema());
            assertEquals(3, number(db.connection(), "SELECT count(*) FROM quote"));
            assertEquals(List.of(), rows(db.connection(), "PRAGMA foreign_key_check"));
        }
    }

    @Test
    void stock_flyway_and_strata_s_runner_give_the_same_database(@TempDir Path dir) throws Exception {
        Path folder = writeMigrations(dir, history(), true);
        flyway(dir.resolve("flyway.db"), folder).migrate();

        try (ScratchDatabase strata = ScratchDatabase.file(dir.resolve("strata.db"), true);
             ScratchDatabase stock = ScratchDatabase.file(dir.resolve("flyway.db"), true)) {
            Schema before = Schema.EMPTY;
            for (Revision r : history()) {
                strata.run(SqliteDialect.upgrade(before, r));
                before = Projection.apply(before, r);
            }

            assertEquals(storedSchema(strata.connection()), storedSchema(stock.connection()));
            for (String table : List.of("company", "quote", "memo", "audit")) {
                String sql = "SELECT * FROM " + table + " ORDER BY rowid";
                assertEquals(rows(strata.connection(), sql), rows(stock.connection(), sql), table);
            }
        }
    }

    @Test
    void without_the_conf_file_flyway_refuses_the_rebuild_and_applies_nothing_of_it(@TempDir Path dir) throws Exception {
        Path folder = writeMigrations(dir, history(), false);

        FlywayException e = assertThrows(FlywayException.class, () -> flyway(dir.resolve("app.db"), folder).migrate());

        assertTrue(e.getMessage().contains("both transactional and non-transactional statements"), e.getMessage());
        try (ScratchDatabase db = ScratchDatabase.file(dir.resolve("app.db"), true)) {
            assertEquals(List.of("1", "2"), rows(db.connection(), "SELECT version FROM flyway_schema_history ORDER BY installed_rank"));
            assertEquals(Projection.schemaAt(history(), 2), db.schema());
        }
    }

    @Test
    void a_failing_rebuild_under_flyway_leaves_schema_and_rows_unchanged(@TempDir Path dir) throws Exception {
        List<Revision> revisions = new ArrayList<>(history().subList(0, 2));
        revisions.add(revision(3, "orphan", List.of(new ForeignKeyAdded(Identifier.of("company"),
                ForeignKey.of("ticks", "memo", "id")))));
        String seed = SEED_UP + "UPDATE company SET ticks = 42;\n";
        revisions.set(1, revision(2, "seed", List.of(new SqlExecuted("seed companies", seed, SEED_DOWN))));
        Path folder = writeMigrations(dir, revisions, true);
        assertFalse(Files.notExists(folder.resolve("V3__orphan.sql.conf")));

        FlywayException e = assertThrows(FlywayException.class, () -> flyway(dir.resolve("app.db"), folder).migrate());

        assertTrue(e.getMessage().contains("no_foreign_key_violations_after_rebuild"), e.getMessage());
        try (ScratchDatabase db = ScratchDatabase.file(dir.resolve("app.db"), true)) {
            assertEquals(Projection.schemaAt(revisions, 2), db.schema());
            assertEquals(3, number(db.connection(), "SELECT count(*) FROM quote"));
            // Flyway records a non-transactional failure; `flyway repair` clears it once the data is fixed
            assertEquals(List.of("1|1", "2|1", "3|0"),
                    rows(db.connection(), "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank"));
        }
    }

    @Test
    void flyway_ignores_the_u_files_next_to_the_v_files(@TempDir Path dir) throws Exception {
        Path folder = writeMigrations(dir, history(), true);

        var info = flyway(dir.resolve("app.db"), folder).info().all();

        assertEquals(4, info.length);
        assertTrue(Files.exists(folder.resolve("U3__price_real.sql")));
    }

    @Test
    void every_u_file_runs_under_strata_s_runner_back_to_the_empty_schema(@TempDir Path dir) throws SQLException {
        List<Revision> revisions = history();
        List<Schema> schemas = Projection.schemas(revisions);
        try (ScratchDatabase db = ScratchDatabase.file(dir.resolve("app.db"), true)) {
            for (int i = 0; i < revisions.size(); i++) {
                db.run(SqliteDialect.upgrade(schemas.get(i), revisions.get(i)));
            }

            for (int i = revisions.size() - 1; i >= 0; i--) {
                db.run(SqliteDialect.downgrade(schemas.get(i), revisions.get(i)));
                assertEquals(schemas.get(i), db.schema(), "after the downgrade of revision " + (i + 1));
            }
            assertEquals(List.of(), storedSchema(db.connection()));
        }
    }
}
