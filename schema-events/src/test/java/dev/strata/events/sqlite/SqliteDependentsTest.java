package dev.strata.events.sqlite;

import dev.strata.events.ColumnAltered;
import dev.strata.events.ColumnDropped;
import dev.strata.events.SchemaEvent;
import dev.strata.events.TableDropped;
import dev.strata.events.projection.Projection;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ColumnRef;
import dev.strata.events.schema.Dependents;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.View;
import dev.strata.events.sql.SqlScript;
import dev.strata.events.sql.SqliteDialect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which views and triggers stand on a table or column is decided by SQLite, not by the words in their SQL. */
class SqliteDependentsTest {

    private static final Identifier T = Identifier.of("t");
    private static final Identifier A = Identifier.of("a");
    private static final Identifier B = Identifier.of("b");

    /** A view that names t only in a string, a comment and a column alias. */
    private static final String WORDS_ONLY = """
            CREATE TABLE t (id INTEGER PRIMARY KEY, price TEXT);
            CREATE TABLE a (id INTEGER PRIMARY KEY, label TEXT);
            CREATE VIEW v_words AS SELECT 't' AS t, label AS price FROM a /* t.price */;
            """;

    private static final String CHAIN = """
            CREATE TABLE t (id INTEGER PRIMARY KEY, price TEXT);
            CREATE VIEW v1 AS SELECT id, price FROM t;
            CREATE VIEW v2 AS SELECT price FROM v1 WHERE id > 0;
            CREATE TABLE log (n INTEGER);
            CREATE TRIGGER on_v2 INSTEAD OF INSERT ON v2 BEGIN INSERT INTO log VALUES (1); END;
            """;

    private static final String TRIGGERS = """
            CREATE TABLE a (id INTEGER PRIMARY KEY, note TEXT);
            CREATE TABLE b (id INTEGER PRIMARY KEY, n INTEGER);
            CREATE TABLE c (id INTEGER PRIMARY KEY);
            CREATE TRIGGER a_writes_b AFTER INSERT ON a BEGIN UPDATE b SET n = n + 1 WHERE id = NEW.id; END;
            CREATE TRIGGER c_says_b AFTER INSERT ON c BEGIN SELECT 'b' AS b; END;
            """;

    private static final Column PRICE_REAL = new Column(Identifier.of("price"), "REAL", false, null, null);

    @Test
    void a_view_naming_a_table_only_in_a_string_comment_or_alias_does_not_depend_on_it() {
        Schema schema = SqlModels.parse(WORDS_ONLY);

        assertEquals(Dependents.NONE, schema.dependents(T));
        assertEquals(Dependents.NONE, schema.dependents(new ColumnRef(T, Identifier.of("price"))));
    }

    @Test
    void dropping_a_table_a_view_only_names_in_words_is_not_refused() {
        Schema schema = SqlModels.parse(WORDS_ONLY);

        Schema after = new TableDropped(T).applyTo(schema);

        assertFalse(after.table(T).isPresent());
        assertTrue(after.view(Identifier.of("v_words")).isPresent());
    }

    @Test
    void a_rebuild_leaves_alone_a_view_that_only_names_the_table_in_words() throws Exception {
        Schema before = SqlModels.parse(WORDS_ONLY);
        List<SchemaEvent> change = List.of(new ColumnAltered(T, PRICE_REAL));

        SqlScript up = SqliteDialect.render(before, change);

        assertFalse(up.text().contains("DROP VIEW"), up.text());
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.run(SqliteDialect.createAll(before));
            db.run(up);
            assertEquals(Projection.apply(before, change), db.schema());
        }
    }

    @Test
    void a_view_on_a_view_on_the_table_is_dropped_after_and_recreated_before_its_own_trigger_around_a_rebuild() throws Exception {
        Schema before = SqlModels.parse(CHAIN);
        List<SchemaEvent> change = List.of(new ColumnAltered(T, PRICE_REAL));

        String up = SqliteDialect.render(before, change).text();

        assertTrue(up.indexOf("DROP TRIGGER \"on_v2\"") < up.indexOf("DROP VIEW \"v2\""), up);
        assertTrue(up.indexOf("DROP VIEW \"v2\"") < up.indexOf("DROP VIEW \"v1\""), up);
        assertTrue(up.indexOf("DROP VIEW \"v1\"") < up.indexOf("DROP TABLE \"t\""), up);
        assertTrue(up.indexOf("RENAME TO \"t\"") < up.indexOf("CREATE VIEW \"v1\""), up);
        assertTrue(up.indexOf("CREATE VIEW \"v1\"") < up.indexOf("CREATE VIEW \"v2\""), up);
        assertTrue(up.indexOf("CREATE VIEW \"v2\"") < up.indexOf("CREATE TRIGGER on_v2"), up);
        try (ScratchDatabase db = ScratchDatabase.inMemory(true)) {
            db.run(SqliteDialect.createAll(before));
            db.run(SqliteDialect.render(before, change));
            assertEquals(Projection.apply(before, change), db.schema());
        }
    }

    @Test
    void dependents_of_a_table_follow_views_on_views_and_the_triggers_on_them() {
        Schema schema = SqlModels.parse(CHAIN);

        Dependents deps = schema.dependents(T);

        assertEquals(List.of("v1", "v2"), deps.views().stream().map(View::name).map(Identifier::name).toList());
        assertEquals(List.of("on_v2"), deps.triggers().stream().map(Trigger::name).map(Identifier::name).toList());
    }

    @Test
    void a_trigger_on_one_table_that_writes_another_depends_on_the_other_and_one_that_names_it_in_a_string_does_not() {
        Schema schema = SqlModels.parse(TRIGGERS);

        Dependents deps = schema.dependents(B);

        assertEquals(List.of("a_writes_b"), deps.triggers().stream().map(Trigger::name).map(Identifier::name).toList());
        assertEquals(List.of(), deps.views());
    }

    @Test
    void a_trigger_that_uses_a_column_of_another_table_depends_on_that_column_only() {
        Schema schema = SqlModels.parse(TRIGGERS);

        assertEquals(List.of("a_writes_b"), schema.dependents(new ColumnRef(B, Identifier.of("n"))).described().stream()
                .map(s -> s.substring("trigger ".length())).toList());
        assertEquals(Dependents.NONE, schema.dependents(new ColumnRef(A, Identifier.of("note"))));
    }

    @Test
    void dropping_a_column_a_view_only_names_in_words_is_not_refused() {
        Schema schema = SqlModels.parse(WORDS_ONLY.replace("label AS price", "label AS price, 'price' AS p2"));

        Schema after = new ColumnDropped(T, Identifier.of("price")).applyTo(schema);

        assertFalse(after.table(T).orElseThrow().hasColumn(Identifier.of("price")));
    }

    @Test
    void a_diff_that_drops_a_table_keeps_a_view_that_only_names_it_in_words() {
        Schema from = SqlModels.parse(WORDS_ONLY);
        Schema to = from.withoutTable(T);

        List<SchemaEvent> events = SchemaDiff.events(from, to);

        assertEquals(List.of(new TableDropped(T)), events);
    }

    @Test
    void a_schema_without_views_or_triggers_has_no_dependents() {
        Schema schema = SqlModels.parse("CREATE TABLE t (id INTEGER PRIMARY KEY, price TEXT);");

        assertTrue(schema.dependents(T).isEmpty());
    }
}
