package dev.strata.events.projection;

import dev.strata.events.SchemaEvent;
import dev.strata.events.schema.Schema;

import java.util.List;

/**
 * What differs between two schemas: as events that turn one into the other (what autogenerate
 * records), and as sentences for people. A renamed column cannot be told from a dropped one and an
 * added one, so it is diffed as both; record a {@code ColumnRenamed} by hand to keep its values.
 */
public final class SchemaDiff {

    private SchemaDiff() {
    }

    /**
     * Events that turn {@code from} into {@code to}, ordered so that the fold accepts each in turn.
     *
     * @throws dev.strata.events.InvalidEventException naming the changes no order can make
     */
    public static List<SchemaEvent> events(Schema from, Schema to) {
        return DiffOrder.of(from, to, DiffPlan.of(from, to));
    }

    /**
     * The events that make the difference, phase by phase, not yet put in an order the fold accepts: what changed,
     * for a reader that classifies changes and must not fail where no order exists.
     */
    public static List<SchemaEvent> changes(Schema from, Schema to) {
        return DiffPlan.of(from, to);
    }

    /** Differences between two schemas, with both sides named as in "in the models but not in the migrations". */
    public static List<Difference> differences(Schema expected, Schema actual, String expectedName, String actualName) {
        if (expected == actual) {
            // the same object (as a cache returns it): not even the order of columns can differ
            return List.of();
        }
        return new Describer(expectedName, actualName).compare(expected, actual);
    }

    /** {@link #differences(Schema, Schema, String, String)} with the sides called "expected" and "actual". */
    public static List<Difference> differences(Schema expected, Schema actual) {
        return differences(expected, actual, "the expected schema", "the actual schema");
    }
}
