package dev.strata.events.sqlite;

import dev.strata.events.IndexCreated;
import dev.strata.events.json.RevisionCodec;
import dev.strata.events.projection.Difference;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.IndexTerm;
import dev.strata.events.schema.Schema;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Indexes on expressions, DESC and COLLATE terms, read from a live database and compared. */
class IndexTermsTest {

    private static final String USERS = "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, payload TEXT)";

    private static Index index(Schema s, String name) {
        return s.index(Identifier.of(name)).orElseThrow();
    }

    @Test
    void an_expression_index_is_read_with_its_expression() throws SQLException {
        Schema s = LiveSchemas.read(USERS, "CREATE UNIQUE INDEX ux ON users (lower(email))",
                "CREATE INDEX ix ON users (json_extract(payload, '$.kind'))");

        assertEquals(List.of(IndexTerm.expression("lower(email)")), index(s, "ux").terms());
        assertTrue(index(s, "ux").unique());
        assertEquals(List.of(IndexTerm.expression("json_extract(payload, '$.kind')")), index(s, "ix").terms());
    }

    @Test
    void desc_and_collate_terms_and_a_condition_are_read_from_the_statement() throws SQLException {
        Schema s = LiveSchemas.read(USERS, "CREATE INDEX ix ON users (id DESC, email COLLATE NOCASE, lower(payload) COLLATE binary DESC)"
                + " WHERE email IS NOT NULL");

        assertEquals(List.of(new IndexTerm(Identifier.of("id"), null, null, true),
                new IndexTerm(Identifier.of("email"), null, "NOCASE", false),
                new IndexTerm(null, "lower(payload)", "binary", true)), index(s, "ix").terms());
        assertEquals("email IS NOT NULL", index(s, "ix").where());
    }

    @Test
    void expressions_compare_after_normalising_case_quotes_and_spacing() throws SQLException {
        Schema a = LiveSchemas.read(USERS, "CREATE UNIQUE INDEX ux ON users (lower(email))");
        Schema b = LiveSchemas.read(USERS, "CREATE UNIQUE INDEX ux ON users (LOWER( \"email\" ))");

        assertEquals(a, b);
        assertEquals(List.of(), SchemaDiff.differences(a, b));
    }

    @Test
    void a_different_term_is_named_precisely() throws SQLException {
        Schema expected = LiveSchemas.read(USERS, "CREATE UNIQUE INDEX ux_users_email ON users (lower(email))");
        Schema actual = LiveSchemas.read(USERS, "CREATE UNIQUE INDEX ux_users_email ON users (email)");

        List<Difference> differences = SchemaDiff.differences(expected, actual);

        assertEquals(List.of("index ux_users_email: the terms are (lower(email)) in the expected schema but (email) in the actual schema"),
                differences.stream().map(Difference::message).toList());
    }

    @Test
    void a_different_direction_makes_indexes_unequal() throws SQLException {
        Schema asc = LiveSchemas.read(USERS, "CREATE INDEX ix ON users (email ASC)");
        Schema desc = LiveSchemas.read(USERS, "CREATE INDEX ix ON users (email DESC)");

        assertNotEquals(asc, desc);
        assertEquals("index ix: the terms are (email) in the expected schema but (email DESC) in the actual schema",
                SchemaDiff.differences(asc, desc).get(0).message());
    }

    @Test
    void rendered_indexes_read_back_equal() throws SQLException {
        Schema s = LiveSchemas.read(USERS, "CREATE UNIQUE INDEX ux ON users (lower(email)) WHERE id > 0",
                "CREATE INDEX ix ON users (json_extract(payload, '$.kind') DESC, email COLLATE NOCASE)");

        assertEquals(s, LiveSchemas.rendered(s));
    }

    @Test
    void an_expression_index_survives_the_revision_json_and_a_plain_one_keeps_its_old_shape() throws SQLException {
        Schema s = LiveSchemas.read(USERS, "CREATE INDEX ix ON users (lower(email) DESC, id COLLATE NOCASE)", "CREATE INDEX plain ON users (id)");
        List<IndexCreated> events = List.of(new IndexCreated(index(s, "ix")), new IndexCreated(index(s, "plain")));

        String json = RevisionCodec.writeEvents(List.copyOf(events));

        assertEquals(events, RevisionCodec.readEvents(json, "f.json"));
        assertTrue(json.replaceAll("\\s", "").contains("\"columns\":[\"id\"]"), json);
    }
}
