package dev.strata.events.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.View;
import dev.strata.events.schema.VirtualTable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What changed from one schema to the next, as JSON holding only the objects that changed: a history's schema
 * after each revision is stored this way in a small fraction of the space of whole schemas. Applying a delta
 * gives back the later schema exactly, the order of its objects included.
 *
 * <pre>String d = SchemaDelta.between(before, after); Schema again = SchemaDelta.apply(before, d); // equals after</pre>
 */
public final class SchemaDelta {

    private static final String FILE = "a schema delta";

    private SchemaDelta() {
    }

    /** The delta from {@code before} to {@code after}; null when a changed object does not survive JSON unchanged. */
    public static String between(Schema before, Schema after) {
        ObjectNode o = SchemaValues.F.objectNode();
        boolean exact = kind(o, "tables", before.tables(), after.tables(), SchemaValues::table, SchemaValues::table)
                && kind(o, "indexes", before.indexes(), after.indexes(), SchemaValues::index, SchemaValues::index)
                && kind(o, "views", before.views(), after.views(), SchemaValues::view, SchemaValues::view)
                && kind(o, "triggers", before.triggers(), after.triggers(), SchemaValues::trigger, SchemaValues::trigger)
                && kind(o, "virtualTables", before.virtualTables(), after.virtualTables(), SchemaDelta::virtualTable,
                        SchemaDelta::virtualTable);
        if (!exact) {
            return null;
        }
        try {
            return RevisionCodec.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a schema delta: " + e.getMessage(), e);
        }
    }

    /**
     * @throws RevisionFormatException when {@code delta} is not one {@link #between} wrote, or does not apply to {@code before}
     */
    public static Schema apply(Schema before, String delta) {
        Node n;
        try {
            n = Node.root(RevisionCodec.MAPPER.readTree(delta), FILE);
        } catch (JsonProcessingException e) {
            throw new RevisionFormatException(FILE + ": not JSON: " + e.getOriginalMessage());
        }
        n.object(Set.of("tables", "indexes", "views", "triggers", "virtualTables"), Set.of());
        Map<Identifier, Table> tables = applied(n, "tables", before.tables(), SchemaValues::table, Table::name);
        Map<Identifier, Index> indexes = applied(n, "indexes", before.indexes(), SchemaValues::index, Index::name);
        Map<Identifier, View> views = applied(n, "views", before.views(), SchemaValues::view, View::name);
        Map<Identifier, Trigger> triggers = applied(n, "triggers", before.triggers(), SchemaValues::trigger, Trigger::name);
        Map<Identifier, VirtualTable> virtual = applied(n, "virtualTables", before.virtualTables(), SchemaDelta::virtualTable,
                VirtualTable::name);
        return n.build(() -> new Schema(tables, indexes, views, triggers, virtual));
    }

    /** Writes one kind's removals, changes and (when applying would not give it) order; false when a change is not exact. */
    private static <T> boolean kind(ObjectNode out, String name, Map<Identifier, T> before, Map<Identifier, T> after,
                                    Function<T, ObjectNode> write, Function<Node, T> read) {
        if (before == after || before.equals(after) && List.copyOf(before.keySet()).equals(List.copyOf(after.keySet()))) {
            return true;
        }
        ObjectNode o = out.putObject(name);
        ArrayNode removed = o.putArray("removed");
        Map<Identifier, T> simulated = new LinkedHashMap<>(before);
        for (Identifier k : before.keySet()) {
            if (!after.containsKey(k)) {
                removed.add(k.name());
                simulated.remove(k);
            }
        }
        ArrayNode put = o.putArray("put");
        for (Map.Entry<Identifier, T> e : after.entrySet()) {
            T was = before.get(e.getKey());
            if (was != e.getValue() && !e.getValue().equals(was)) {
                ObjectNode json = write.apply(e.getValue());
                if (!e.getValue().equals(read.apply(Node.root(json, FILE)))) {
                    return false;
                }
                put.add(json);
                simulated.put(e.getKey(), e.getValue());
            }
        }
        if (!List.copyOf(simulated.keySet()).equals(List.copyOf(after.keySet()))) {
            ArrayNode order = o.putArray("order");
            after.keySet().forEach(k -> order.add(k.name()));
        }
        return true;
    }

    private static <T> Map<Identifier, T> applied(Node n, String name, Map<Identifier, T> before, Function<Node, T> read,
                                                  Function<T, Identifier> key) {
        if (!n.has(name)) {
            return before;
        }
        Node o = n.field(name).object(Set.of("removed", "put", "order"), Set.of("removed", "put"));
        Map<Identifier, T> out = new LinkedHashMap<>(before);
        for (Node r : o.field("removed").array()) {
            out.remove(r.identifier());
        }
        for (Node p : o.field("put").array()) {
            T value = read.apply(p);
            out.put(key.apply(value), value);
        }
        if (!o.has("order")) {
            return out;
        }
        Map<Identifier, T> ordered = new LinkedHashMap<>();
        for (Node k : o.field("order").array()) {
            Identifier id = k.identifier();
            T value = out.get(id);
            if (value == null) {
                throw o.error("the order names " + id + ", which the schema does not have");
            }
            ordered.put(id, value);
        }
        if (ordered.size() != out.size()) {
            throw o.error("the order names " + ordered.size() + " objects of " + out.size());
        }
        return ordered;
    }

    private static ObjectNode virtualTable(VirtualTable v) {
        return SchemaValues.F.objectNode().put("name", v.name().name()).put("sql", v.sql());
    }

    private static VirtualTable virtualTable(Node n) {
        n.object(Set.of("name", "sql"), Set.of("name", "sql"));
        return n.build(() -> new VirtualTable(n.identifier("name"), n.string("sql")));
    }
}
