package dev.strata.events;

import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.SqlText;
import dev.strata.events.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaEqualityTest {

    @Test
    void identifiers_compare_as_sqlite_does() {
        assertEquals(Identifier.of("Companies"), Identifier.of("companies"));
        assertEquals("\"Companies\"", Identifier.of("Companies").quoted());
    }

    @Test
    void a_name_that_holds_sql_stays_one_quoted_name() {
        Identifier name = Identifier.of("x\"; DROP TABLE y; --");

        assertEquals("\"x\"\"; DROP TABLE y; --\"", name.quoted());
    }

    @Test
    void a_name_with_a_nul_character_is_rejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Identifier.of("a\0b"));

        assertEquals("invalid identifier 'a?b': a name must not contain the NUL character", e.getMessage());
    }

    @Test
    void names_fold_only_ascii_letters_as_sqlite_does() {
        assertEquals(Identifier.of("PRIX-€"), Identifier.of("prix-€"));
        assertEquals(Identifier.of("PRIX-€").hashCode(), Identifier.of("prix-€").hashCode());
        assertNotEquals(Identifier.of("Été"), Identifier.of("été"));
        assertEquals("été", Identifier.of("éTé").key());
    }

    @Test
    void a_column_type_that_could_end_the_column_definition_is_rejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Column.of("a", "TEXT, evil INTEGER); DROP TABLE users; --"));

        assertEquals("column a: invalid type 'TEXT, evil INTEGER); DROP TABLE users; --': it holds ',' outside parentheses;"
                + " use a type name with an optional size, such as TEXT, INTEGER or NUMERIC(12, 4)", e.getMessage());
    }

    @Test
    void column_types_take_what_sqlite_takes() {
        for (String type : List.of("DOUBLE PRECISION", "UNSIGNED BIG INT", "VARCHAR(255)", "DECIMAL(10, 5)", "\"custom type\"", "TEXT[]")) {
            assertEquals(type, Column.of("a", type).type());
        }
        assertThrows(IllegalArgumentException.class, () -> Column.of("a", "TEXT /* x */"));
        assertThrows(IllegalArgumentException.class, () -> Column.of("a", "VARCHAR(10"));
        assertThrows(IllegalArgumentException.class, () -> Column.of("a", "'unclosed"));
    }

    @Test
    void sqlite_internal_names_are_reserved() {
        assertThrows(IllegalArgumentException.class, () -> Identifier.of("sqlite_sequence"));
    }

    @Test
    void declared_types_compare_after_normalising_case_and_spacing() {
        assertEquals(Column.of("a", "varchar( 20 )"), Column.of("a", "VARCHAR(20)"));
        assertNotEquals(Column.of("a", "VARCHAR(20)"), Column.of("a", "VARCHAR(30)"));
    }

    @Test
    void defaults_compare_without_redundant_parentheses_but_keep_string_case() {
        assertEquals(Column.of("a", "INT").withDefault("(0)"), Column.of("a", "INT").withDefault("0"));
        assertNotEquals(Column.of("a", "TEXT").withDefault("'USD'"), Column.of("a", "TEXT").withDefault("'usd'"));
    }

    @Test
    void column_order_does_not_make_tables_unequal() {
        Table ab = Table.of("t", Column.of("a", "INT"), Column.of("b", "TEXT"));
        Table ba = Table.of("t", Column.of("b", "TEXT"), Column.of("a", "INT"));

        assertEquals(ab, ba);
        assertEquals(ab.hashCode(), ba.hashCode());
        assertNotEquals(ab.columnNames(), ba.columnNames());
    }

    @Test
    void checks_compare_quoted_and_bare_identifiers_alike() {
        assertEquals(Check.of("\"close\" >= 0"), Check.of("CLOSE>=0"));
        assertFalse(SqlText.mentions("price >= 'close'", Identifier.of("close")));
    }

    @Test
    void autoincrement_needs_an_integer_key() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Table(Identifier.of("t"),
                List.of(Column.of("id", "TEXT")), new PrimaryKey(List.of(Identifier.of("id")), true), List.of(), List.of(), List.of()));

        assertEquals("table t: AUTOINCREMENT needs column id to be declared INTEGER, not 'TEXT'", e.getMessage());
    }
}
