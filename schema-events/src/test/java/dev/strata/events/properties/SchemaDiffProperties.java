package dev.strata.events.properties;

import dev.strata.events.SchemaEvent;
import dev.strata.events.json.ModelsYaml;
import dev.strata.events.projection.Difference;
import dev.strata.events.projection.Projection;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.properties.SchemaSpecs.EventSpec;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.sql.SqliteDialect;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pure properties of the fold, its inverses and the diff, over generated schemas (see
 * {@link SchemaSpecs}): two schemas generated independently share table and column names, so their
 * diff mixes every kind of change at once; an event sequence gives two schemas that differ a little.
 */
class SchemaDiffProperties {

    @Provide
    Arbitrary<Schema> schemas() {
        return SchemaSpecs.schemas().map(SchemaBuilder::build);
    }

    @Provide
    Arbitrary<List<EventSpec>> changes() {
        return SchemaSpecs.events().list().ofMinSize(1).ofMaxSize(8);
    }

    static String ddl(Schema s) {
        return SqliteDialect.createAll(s).text();
    }

    static String explain(Schema from, Schema to, List<SchemaEvent> events) {
        return "from:\n" + ddl(from) + "\nto:\n" + ddl(to) + "\nevents:\n"
                + events.stream().map(e -> "  " + e.describe()).collect(Collectors.joining("\n")) + "\ndifferences left:\n"
                + SchemaDiff.differences(to, Projection.apply(from, events)).stream().map(Difference::message)
                .collect(Collectors.joining("\n"));
    }

    @Property(tries = 3000)
    void the_events_of_a_diff_turn_any_schema_into_any_other(@ForAll("schemas") Schema a, @ForAll("schemas") Schema b) {
        List<SchemaEvent> events = SchemaDiff.events(a, b);
        Statistics.label("diff events").collect(events.size() < 10 ? "<10" : events.size() < 20 ? "10-19" : ">=20");
        events.forEach(e -> Statistics.label("event kinds").collect(e.getClass().getSimpleName()));

        Schema result = Projection.apply(a, events);

        assertEquals(b, result, () -> explain(a, b, events));
    }

    @Property(tries = 2000)
    void the_events_of_a_diff_undo_and_redo_any_event_sequence(@ForAll("schemas") Schema a,
                                                              @ForAll("changes") List<EventSpec> changes) {
        EventBuilder.Sequence s = EventBuilder.sequence(a, changes);

        List<SchemaEvent> forth = SchemaDiff.events(s.before(), s.after());
        List<SchemaEvent> back = SchemaDiff.events(s.after(), s.before());

        assertEquals(s.after(), Projection.apply(s.before(), forth), () -> explain(s.before(), s.after(), forth));
        assertEquals(s.before(), Projection.apply(s.after(), back), () -> explain(s.after(), s.before(), back));
    }

    @Property(tries = 3000)
    void the_inverse_of_any_event_sequence_gives_back_the_schema_before(@ForAll("schemas") Schema a,
                                                                        @ForAll("changes") List<EventSpec> changes) {
        EventBuilder.Sequence s = EventBuilder.sequence(a, changes);
        s.events().forEach(e -> Statistics.label("event kinds").collect(e.getClass().getSimpleName()));
        List<SchemaEvent> inverse = Projection.inverse(s.before(), s.events());

        Schema undone = Projection.apply(s.after(), inverse);

        assertEquals(s.before(), undone, () -> s.describe() + "\ninverse:\n"
                + inverse.stream().map(e -> "  " + e.describe()).collect(Collectors.joining("\n")));
    }

    @Property(tries = 2000)
    void a_schema_has_no_differences_from_itself_and_its_diff_is_empty(@ForAll("schemas") Schema a) {
        assertEquals(List.of(), SchemaDiff.differences(a, a));
        assertEquals(List.of(), SchemaDiff.events(a, a));
    }

    @Property(tries = 3000)
    void differences_are_empty_exactly_when_two_independent_schemas_are_equal(@ForAll("schemas") Schema a,
                                                                              @ForAll("schemas") Schema b) {
        List<Difference> real = SchemaDiff.differences(a, b, "the models", "the migrations").stream()
                .filter(d -> !d.informational()).toList();
        Statistics.label("equal").collect(a.equals(b));

        assertEquals(a.equals(b), real.isEmpty(), () -> "differences: " + real + "\na:\n" + ddl(a) + "\nb:\n" + ddl(b));
        real.forEach(d -> assertTrue(d.message().contains("the models") && d.message().contains("the migrations"), d.message()));
    }

    @Property(tries = 3000)
    void differences_are_empty_exactly_when_a_changed_schema_equals_the_original(@ForAll("schemas") Schema a,
                                                                                 @ForAll("changes") List<EventSpec> changes) {
        EventBuilder.Sequence s = EventBuilder.sequence(a, changes);
        boolean equal = s.before().equals(s.after());
        Statistics.label("equal").collect(equal);

        List<Difference> real = SchemaDiff.differences(s.before(), s.after()).stream().filter(d -> !d.informational()).toList();

        assertEquals(equal, real.isEmpty(), () -> "differences: " + real + "\n" + s.describe());
    }

    @Property(tries = 300)
    void models_yaml_reads_back_every_schema_it_writes(@ForAll("schemas") Schema schema) {
        String yaml = ModelsYaml.write(schema);

        assertEquals(schema, ModelsYaml.read(yaml, "models.yaml"), yaml);
    }

    @Property(tries = 1000)
    void column_order_is_reported_but_never_makes_schemas_unequal(@ForAll("schemas") Schema a) {
        Schema reordered = reversedColumns(a);
        boolean orderChanged = a.tables().values().stream().anyMatch(t -> t.columns().size() > 1);

        List<Difference> differences = SchemaDiff.differences(a, reordered, "before", "after");

        assertEquals(a, reordered);
        assertEquals(List.of(), SchemaDiff.events(a, reordered));
        assertTrue(differences.stream().allMatch(Difference::informational), differences::toString);
        assertEquals(orderChanged, !differences.isEmpty(), differences::toString);
        differences.forEach(d -> assertTrue(d.message().contains("order"), d.message()));
        assertFalse(differences.stream().anyMatch(d -> d.object().isEmpty()));
    }

    private static Schema reversedColumns(Schema s) {
        Map<dev.strata.events.schema.Identifier, Table> tables = new LinkedHashMap<>();
        s.tables().forEach((name, t) -> {
            List<Column> cols = new ArrayList<>(t.columns());
            Collections.reverse(cols);
            tables.put(name, t.withColumns(cols));
        });
        return s.withTables(tables);
    }
}
