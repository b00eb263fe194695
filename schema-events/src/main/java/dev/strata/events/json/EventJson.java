package dev.strata.events.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.events.CheckAdded;
import dev.strata.events.CheckDropped;
import dev.strata.events.ColumnAdded;
import dev.strata.events.ColumnAltered;
import dev.strata.events.ColumnDropped;
import dev.strata.events.ColumnRenamed;
import dev.strata.events.ForeignKeyAdded;
import dev.strata.events.ForeignKeyDropped;
import dev.strata.events.IndexCreated;
import dev.strata.events.IndexDropped;
import dev.strata.events.PrimaryKeyAltered;
import dev.strata.events.SchemaEvent;
import dev.strata.events.SqlExecuted;
import dev.strata.events.TableCreated;
import dev.strata.events.TableDropped;
import dev.strata.events.TableRenamed;
import dev.strata.events.TriggerCreated;
import dev.strata.events.TriggerDropped;
import dev.strata.events.UniqueAdded;
import dev.strata.events.UniqueDropped;
import dev.strata.events.ViewCreated;
import dev.strata.events.ViewDropped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static dev.strata.events.json.SchemaValues.F;

/** Events to and from JSON objects; the type name of each event is its simple class name. */
final class EventJson {

    private static final Map<String, Function<Node, SchemaEvent>> DECODERS = new LinkedHashMap<>();

    static {
        DECODERS.put("TableCreated", n -> fields(n, "table").build(() -> new TableCreated(SchemaValues.table(n.field("table")))));
        DECODERS.put("TableDropped", n -> fields(n, "table").build(() -> new TableDropped(n.identifier("table"))));
        DECODERS.put("TableRenamed", n -> fields(n, "from", "to").build(() -> new TableRenamed(n.identifier("from"), n.identifier("to"))));
        DECODERS.put("ColumnAdded", n -> n.object(Set.of("type", "table", "column", "before"), Set.of("table", "column"))
                .build(() -> new ColumnAdded(n.identifier("table"), SchemaValues.column(n.field("column")),
                        n.has("before") ? n.identifier("before") : null)));
        DECODERS.put("ColumnDropped", n -> fields(n, "table", "column").build(() -> new ColumnDropped(n.identifier("table"), n.identifier("column"))));
        DECODERS.put("ColumnRenamed", n -> fields(n, "table", "from", "to").build(() -> new ColumnRenamed(n.identifier("table"), n.identifier("from"), n.identifier("to"))));
        DECODERS.put("ColumnAltered", n -> fields(n, "table", "column").build(() -> new ColumnAltered(n.identifier("table"), SchemaValues.column(n.field("column")))));
        DECODERS.put("IndexCreated", n -> fields(n, "index").build(() -> new IndexCreated(SchemaValues.index(n.field("index")))));
        DECODERS.put("IndexDropped", n -> fields(n, "index").build(() -> new IndexDropped(n.identifier("index"))));
        DECODERS.put("ForeignKeyAdded", n -> fields(n, "table", "foreignKey").build(() -> new ForeignKeyAdded(n.identifier("table"), SchemaValues.foreignKey(n.field("foreignKey")))));
        DECODERS.put("ForeignKeyDropped", n -> fields(n, "table", "columns").build(() -> new ForeignKeyDropped(n.identifier("table"), n.identifiers("columns"))));
        DECODERS.put("CheckAdded", n -> fields(n, "table", "check").build(() -> new CheckAdded(n.identifier("table"), SchemaValues.check(n.field("check")))));
        DECODERS.put("CheckDropped", n -> fields(n, "table", "check").build(() -> new CheckDropped(n.identifier("table"), SchemaValues.check(n.field("check")))));
        DECODERS.put("UniqueAdded", n -> fields(n, "table", "unique").build(() -> new UniqueAdded(n.identifier("table"), SchemaValues.unique(n.field("unique")))));
        DECODERS.put("UniqueDropped", n -> fields(n, "table", "unique").build(() -> new UniqueDropped(n.identifier("table"), SchemaValues.unique(n.field("unique")))));
        DECODERS.put("PrimaryKeyAltered", n -> fields(n, "table", "primaryKey").build(() -> new PrimaryKeyAltered(n.identifier("table"), SchemaValues.primaryKey(n.field("primaryKey")))));
        DECODERS.put("ViewCreated", n -> fields(n, "view").build(() -> new ViewCreated(SchemaValues.view(n.field("view")))));
        DECODERS.put("ViewDropped", n -> fields(n, "view").build(() -> new ViewDropped(n.identifier("view"))));
        DECODERS.put("TriggerCreated", n -> fields(n, "trigger").build(() -> new TriggerCreated(SchemaValues.trigger(n.field("trigger")))));
        DECODERS.put("TriggerDropped", n -> fields(n, "trigger").build(() -> new TriggerDropped(n.identifier("trigger"))));
        DECODERS.put("SqlExecuted", n -> fields(n, "description", "up", "down").build(() -> new SqlExecuted(n.string("description"), n.string("up"), n.string("down"))));
    }

    private EventJson() {
    }

    private static Node fields(Node n, String... names) {
        Set<String> allowed = new java.util.HashSet<>(Set.of(names));
        allowed.add("type");
        return n.object(allowed, Set.of(names));
    }

    static SchemaEvent decode(Node n) {
        n.object(DECODER_FIELDS, Set.of("type"));
        Node type = n.field("type");
        Function<Node, SchemaEvent> decoder = DECODERS.get(type.string());
        if (decoder == null) {
            throw type.error("unknown event type '" + type.string() + "'; expected one of " + String.join(", ", DECODERS.keySet()));
        }
        return decoder.apply(n);
    }

    /** Every field any event may have; each decoder then checks its own set. */
    private static final Set<String> DECODER_FIELDS = Set.of("type", "table", "from", "to", "column", "index", "foreignKey",
            "columns", "check", "unique", "primaryKey", "view", "trigger", "description", "up", "down", "before");

    static ObjectNode encode(SchemaEvent event) {
        ObjectNode o = F.objectNode();
        o.put("type", event.getClass().getSimpleName());
        event.accept(new SchemaEvent.Visitor<Void>() {
            @Override public Void visit(TableCreated e) { o.set("table", SchemaValues.table(e.table())); return null; }
            @Override public Void visit(TableDropped e) { o.put("table", e.table().name()); return null; }
            @Override public Void visit(TableRenamed e) { o.put("from", e.from().name()); o.put("to", e.to().name()); return null; }
            @Override public Void visit(ColumnAdded e) {
                o.put("table", e.table().name()); o.set("column", SchemaValues.column(e.column()));
                // absent when last, so revisions recorded before positions existed keep their bytes and hashes
                if (e.before() != null) {
                    o.put("before", e.before().name());
                }
                return null;
            }
            @Override public Void visit(ColumnDropped e) { o.put("table", e.table().name()); o.put("column", e.column().name()); return null; }
            @Override public Void visit(ColumnRenamed e) {
                o.put("table", e.table().name()); o.put("from", e.from().name()); o.put("to", e.to().name()); return null;
            }
            @Override public Void visit(ColumnAltered e) { o.put("table", e.table().name()); o.set("column", SchemaValues.column(e.column())); return null; }
            @Override public Void visit(IndexCreated e) { o.set("index", SchemaValues.index(e.index())); return null; }
            @Override public Void visit(IndexDropped e) { o.put("index", e.index().name()); return null; }
            @Override public Void visit(ForeignKeyAdded e) { o.put("table", e.table().name()); o.set("foreignKey", SchemaValues.foreignKey(e.foreignKey())); return null; }
            @Override public Void visit(ForeignKeyDropped e) { o.put("table", e.table().name()); o.set("columns", SchemaValues.ids(e.columns())); return null; }
            @Override public Void visit(CheckAdded e) { o.put("table", e.table().name()); o.set("check", SchemaValues.check(e.check())); return null; }
            @Override public Void visit(CheckDropped e) { o.put("table", e.table().name()); o.set("check", SchemaValues.check(e.check())); return null; }
            @Override public Void visit(UniqueAdded e) { o.put("table", e.table().name()); o.set("unique", SchemaValues.unique(e.unique())); return null; }
            @Override public Void visit(UniqueDropped e) { o.put("table", e.table().name()); o.set("unique", SchemaValues.unique(e.unique())); return null; }
            @Override public Void visit(PrimaryKeyAltered e) { o.put("table", e.table().name()); o.set("primaryKey", SchemaValues.primaryKey(e.primaryKey())); return null; }
            @Override public Void visit(ViewCreated e) { o.set("view", SchemaValues.view(e.view())); return null; }
            @Override public Void visit(ViewDropped e) { o.put("view", e.view().name()); return null; }
            @Override public Void visit(TriggerCreated e) { o.set("trigger", SchemaValues.trigger(e.trigger())); return null; }
            @Override public Void visit(TriggerDropped e) { o.put("trigger", e.trigger().name()); return null; }
            @Override public Void visit(SqlExecuted e) {
                o.put("description", e.description()); o.put("up", e.up()); o.put("down", e.down()); return null;
            }
        });
        return o;
    }
}
