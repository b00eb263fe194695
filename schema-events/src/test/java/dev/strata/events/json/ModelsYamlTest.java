package dev.strata.events.json;

import dev.strata.events.schema.ForeignKeyAction;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModelsYamlTest {

    private static final String MODELS = """
            tables:
              companies:
                columns:
                  id: {type: INTEGER, notNull: true}
                  symbol: {type: TEXT, notNull: true, collation: NOCASE}
                  score: {type: REAL, default: 0}
                primaryKey: id
                autoincrement: true
                unique:
                  - [symbol]
              prices:
                columns:
                  symbol: TEXT
                  day: TEXT
                primaryKey: [symbol, day]
                foreignKeys:
                  - column: symbol
                    references: companies(symbol)
                    onDelete: cascade
                checks:
                  - day > '2000'
            indexes:
              ix_day: {table: prices, columns: [day], where: day IS NOT NULL}
            """;

    @Test
    void the_short_forms_read_as_the_full_model() {
        Schema s = ModelsYaml.read(MODELS, "schema/models.yaml");

        var companies = s.table(Identifier.of("companies")).orElseThrow();
        var prices = s.table(Identifier.of("prices")).orElseThrow();
        assertEquals("0", companies.column(Identifier.of("score")).orElseThrow().defaultValue());
        assertEquals(true, companies.primaryKey().autoincrement());
        assertEquals(List.of(Identifier.of("symbol"), Identifier.of("day")), prices.primaryKey().columns());
        assertEquals(ForeignKeyAction.CASCADE, prices.foreignKeys().get(0).onDelete());
        assertEquals("day IS NOT NULL", s.index(Identifier.of("ix_day")).orElseThrow().where());
        assertEquals(s, ModelsYaml.read(ModelsYaml.write(s), "again.yaml"));
    }

    @Test
    void an_unknown_key_names_the_file_and_path() {
        RevisionFormatException e = assertThrows(RevisionFormatException.class,
                () -> ModelsYaml.read(MODELS.replace("primaryKey: id", "primarykey: id"), "schema/models.yaml"));

        assertEquals("schema/models.yaml: $.tables.companies.primarykey: unknown field 'primarykey'; expected one of"
                + " [autoincrement, checks, columns, foreignKeys, primaryKey, unique]", e.getMessage());
    }

    @Test
    void an_index_on_a_missing_column_is_refused_with_its_name() {
        RevisionFormatException e = assertThrows(RevisionFormatException.class,
                () -> ModelsYaml.read(MODELS.replace("columns: [day]", "columns: [dya]"), "schema/models.yaml"));

        assertEquals("schema/models.yaml: $: index ix_day names column prices.dya, which does not exist", e.getMessage());
    }

    @Test
    void a_malformed_reference_says_what_is_expected() {
        RevisionFormatException e = assertThrows(RevisionFormatException.class,
                () -> ModelsYaml.read(MODELS.replace("companies(symbol)", "companies.symbol"), "schema/models.yaml"));

        assertEquals("schema/models.yaml: $.tables.prices.foreignKeys[0].references: expected table(column, ...),"
                + " such as companies(id), found \"companies.symbol\"", e.getMessage());
    }
}
