package dev.strata.events.projection;

import dev.strata.events.InvalidEventException;
import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import dev.strata.events.schema.Schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Folds events into schemas: the schema at any revision, and the events that undo a revision.
 *
 * <pre>Schema head = Projection.schemaAt(revisions, revisions.size());</pre>
 */
public final class Projection {

    private Projection() {
    }

    /** Applies events in order. A failure names the event's position and what is wrong. */
    public static Schema apply(Schema schema, List<SchemaEvent> events) {
        Schema current = schema;
        for (int i = 0; i < events.size(); i++) {
            try {
                current = events.get(i).applyTo(current);
            } catch (InvalidEventException e) {
                throw new InvalidEventException("event " + (i + 1) + " of " + events.size() + ": " + e.getMessage());
            }
        }
        return current;
    }

    /** Applies one revision, naming it in any failure. */
    public static Schema apply(Schema schema, Revision revision) {
        try {
            return apply(schema, revision.events());
        } catch (InvalidEventException e) {
            throw new InvalidEventException("revision " + revision.label() + ", " + e.getMessage());
        }
    }

    /**
     * The schema after the revisions numbered 1 to {@code number} (0 gives the empty schema).
     * {@code revisions} are in order, starting at 1.
     */
    public static Schema schemaAt(List<Revision> revisions, int number) {
        if (number < 0 || number > revisions.size()) {
            throw new IllegalArgumentException("no revision " + number + ": the history has revisions 1 to " + revisions.size());
        }
        Schema schema = Schema.EMPTY;
        for (int i = 0; i < number; i++) {
            schema = apply(schema, revisions.get(i));
        }
        return schema;
    }

    /** The schema after each revision: element {@code i} is the schema at revision {@code i} (0 = empty). */
    public static List<Schema> schemas(List<Revision> revisions) {
        List<Schema> out = new ArrayList<>(revisions.size() + 1);
        Schema schema = Schema.EMPTY;
        out.add(schema);
        for (Revision r : revisions) {
            schema = apply(schema, r);
            out.add(schema);
        }
        return out;
    }

    /**
     * The events that undo {@code events} applied to {@code before}: each event's inverse, computed
     * from the schema it saw, in reverse order.
     */
    public static List<SchemaEvent> inverse(Schema before, List<SchemaEvent> events) {
        List<List<SchemaEvent>> inverses = new ArrayList<>(events.size());
        Schema current = before;
        for (SchemaEvent e : events) {
            inverses.add(e.inverse(current));
            current = e.applyTo(current);
        }
        Collections.reverse(inverses);
        return inverses.stream().flatMap(List::stream).toList();
    }
}
