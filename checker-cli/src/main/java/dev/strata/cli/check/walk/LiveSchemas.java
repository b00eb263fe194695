package dev.strata.cli.check.walk;

import dev.strata.events.json.RevisionFormatException;
import dev.strata.events.json.SchemaDelta;
import dev.strata.events.schema.Schema;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * The live schema before the first version and after each one, each worked out when first asked for: a walk
 * taken from the cache holds most of them as deltas from the one before, and a check that takes its other findings
 * from the cache too never needs them.
 */
final class LiveSchemas extends AbstractList<Schema> implements RandomAccess {

    /** Each a {@link Schema}, a {@code Supplier<Schema>} (the first) or a delta from the one before (a String). */
    private final List<Object> entries = new ArrayList<>();

    LiveSchemas(Supplier<Schema> first) {
        entries.add(first);
    }

    void addKnown(Schema known) {
        entries.add(known);
    }

    void addDelta(String delta) {
        entries.add(delta);
    }

    /** Tells the schema at {@code index}, so that it need not be worked out from those before it. */
    synchronized void know(int index, Schema known) {
        entries.set(index, known);
    }

    @Override
    public synchronized Schema get(int index) {
        int from = index;
        while (entries.get(from) instanceof String) {
            from--;
        }
        Schema s = entries.get(from) instanceof Supplier<?> first ? (Schema) first.get() : (Schema) entries.get(from);
        entries.set(from, s);
        for (int k = from + 1; k <= index; k++) {
            try {
                s = SchemaDelta.apply(s, (String) entries.get(k));
            } catch (RevisionFormatException | IllegalArgumentException e) {
                throw new IllegalStateException("the check cache holds a damaged schema (" + e.getMessage()
                        + "); delete the cache folder (.strata/cache unless configured) and check again", e);
            }
            entries.set(k, s);
        }
        return s;
    }

    @Override
    public synchronized int size() {
        return entries.size();
    }
}
