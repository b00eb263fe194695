package dev.strata.events.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.ForeignKeyAction;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.IndexTerm;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.TableOption;
import dev.strata.events.schema.VirtualTable;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.Unique;
import dev.strata.events.schema.View;

import java.util.List;
import java.util.Set;

/** JSON shapes of the schema values, shared by revision files and schema documents. */
final class SchemaValues {

    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SchemaValues() {
    }

    static ArrayNode ids(List<Identifier> ids) {
        ArrayNode a = F.arrayNode();
        ids.forEach(i -> a.add(i.name()));
        return a;
    }

    static ObjectNode column(Column c) {
        ObjectNode o = F.objectNode();
        o.put("name", c.name().name());
        o.put("type", c.type());
        o.put("notNull", c.notNull());
        if (c.defaultValue() != null) {
            o.put("default", c.defaultValue());
        }
        if (c.collation() != null) {
            o.put("collation", c.collation());
        }
        if (c.isGenerated()) {
            o.put("generated", c.generated());
            if (c.stored()) {
                o.put("stored", true);
            }
        }
        return o;
    }

    static Column column(Node n) {
        n.object(Set.of("name", "type", "notNull", "default", "collation", "generated", "stored"), Set.of("name"));
        return n.build(() -> new Column(n.identifier("name"), n.has("type") ? n.string("type") : "", n.bool("notNull", false),
                n.optionalString("default"), n.optionalString("collation"), n.optionalString("generated"), n.bool("stored", false)));
    }

    static ObjectNode primaryKey(PrimaryKey k) {
        ObjectNode o = F.objectNode();
        o.set("columns", ids(k.columns()));
        o.put("autoincrement", k.autoincrement());
        return o;
    }

    static PrimaryKey primaryKey(Node n) {
        n.object(Set.of("columns", "autoincrement"), Set.of("columns"));
        return n.build(() -> new PrimaryKey(n.identifiers("columns"), n.bool("autoincrement", false)));
    }

    static ObjectNode unique(Unique u) {
        ObjectNode o = F.objectNode();
        o.set("columns", ids(u.columns()));
        return o;
    }

    static Unique unique(Node n) {
        n.object(Set.of("columns"), Set.of("columns"));
        return n.build(() -> new Unique(n.identifiers("columns")));
    }

    static ObjectNode foreignKey(ForeignKey fk) {
        ObjectNode o = F.objectNode();
        o.set("columns", ids(fk.columns()));
        ObjectNode ref = o.putObject("references");
        ref.put("table", fk.referencedTable().name());
        ref.set("columns", ids(fk.referencedColumns()));
        o.put("onDelete", fk.onDelete().sql());
        o.put("onUpdate", fk.onUpdate().sql());
        return o;
    }

    static ForeignKey foreignKey(Node n) {
        n.object(Set.of("columns", "references", "onDelete", "onUpdate"), Set.of("columns", "references"));
        Node ref = n.field("references").object(Set.of("table", "columns"), Set.of("table", "columns"));
        return n.build(() -> new ForeignKey(n.identifiers("columns"), ref.identifier("table"), ref.identifiers("columns"),
                action(n, "onDelete"), action(n, "onUpdate")));
    }

    private static ForeignKeyAction action(Node n, String name) {
        if (!n.has(name)) {
            return ForeignKeyAction.NO_ACTION;
        }
        Node f = n.field(name);
        try {
            return ForeignKeyAction.parse(f.string());
        } catch (IllegalArgumentException e) {
            throw f.error(e.getMessage());
        }
    }

    static ObjectNode check(Check c) {
        ObjectNode o = F.objectNode();
        if (c.name() != null) {
            o.put("name", c.name().name());
        }
        o.put("expression", c.expression());
        return o;
    }

    static Check check(Node n) {
        n.object(Set.of("name", "expression"), Set.of("expression"));
        return n.build(() -> new Check(n.has("name") ? n.identifier("name") : null, n.string("expression")));
    }

    static ObjectNode table(Table t) {
        ObjectNode o = F.objectNode();
        o.put("name", t.name().name());
        ArrayNode cols = o.putArray("columns");
        t.columns().forEach(c -> cols.add(column(c)));
        if (t.primaryKey().isPresent()) {
            o.set("primaryKey", primaryKey(t.primaryKey()));
        }
        if (!t.uniques().isEmpty()) {
            ArrayNode a = o.putArray("uniques");
            t.uniques().forEach(u -> a.add(unique(u)));
        }
        if (!t.foreignKeys().isEmpty()) {
            ArrayNode a = o.putArray("foreignKeys");
            t.foreignKeys().forEach(f -> a.add(foreignKey(f)));
        }
        if (!t.checks().isEmpty()) {
            ArrayNode a = o.putArray("checks");
            t.checks().forEach(c -> a.add(check(c)));
        }
        if (!t.options().isEmpty()) {
            ArrayNode a = o.putArray("options");
            t.options().stream().sorted().forEach(x -> a.add(x.sql()));
        }
        return o;
    }

    static Table table(Node n) {
        n.object(Set.of("name", "columns", "primaryKey", "uniques", "foreignKeys", "checks", "options"), Set.of("name", "columns"));
        List<Column> columns = n.list("columns", SchemaValues::column);
        PrimaryKey key = n.has("primaryKey") ? primaryKey(n.field("primaryKey")) : PrimaryKey.NONE;
        List<Unique> uniques = n.list("uniques", SchemaValues::unique);
        List<ForeignKey> fks = n.list("foreignKeys", SchemaValues::foreignKey);
        List<Check> checks = n.list("checks", SchemaValues::check);
        List<TableOption> options = n.list("options", o -> o.build(() -> TableOption.parse(o.string())));
        return n.build(() -> new Table(n.identifier("name"), columns, key, uniques, fks, checks, java.util.Set.copyOf(options)));
    }

    static ObjectNode index(Index i) {
        ObjectNode o = F.objectNode();
        o.put("name", i.name().name());
        o.put("table", i.table().name());
        o.set("columns", terms(i.terms()));
        o.put("unique", i.unique());
        if (i.where() != null) {
            o.put("where", i.where());
        }
        return o;
    }

    static Index index(Node n) {
        n.object(Set.of("name", "table", "columns", "unique", "where"), Set.of("name", "table", "columns"));
        List<IndexTerm> terms = n.field("columns").array().stream().map(SchemaValues::term).toList();
        return n.build(() -> new Index(n.identifier("name"), n.identifier("table"), terms,
                n.bool("unique", false), n.optionalString("where")));
    }

    /** A plain column as its name (as revisions always wrote it), anything else as an object. */
    static ArrayNode terms(List<IndexTerm> terms) {
        ArrayNode a = F.arrayNode();
        for (IndexTerm t : terms) {
            if (t.isPlainColumn()) {
                a.add(t.column().name());
                continue;
            }
            ObjectNode o = a.addObject();
            if (t.column() != null) {
                o.put("column", t.column().name());
            } else {
                o.put("expression", t.expression());
            }
            if (t.collation() != null) {
                o.put("collation", t.collation());
            }
            if (t.descending()) {
                o.put("descending", true);
            }
        }
        return a;
    }

    static IndexTerm term(Node n) {
        if (n.isText()) {
            return IndexTerm.of(n.identifier());
        }
        n.object(Set.of("column", "expression", "collation", "descending"), Set.of());
        return n.build(() -> new IndexTerm(n.has("column") ? n.identifier("column") : null, n.optionalString("expression"),
                n.optionalString("collation"), n.bool("descending", false)));
    }

    static ObjectNode view(View v) {
        ObjectNode o = F.objectNode();
        o.put("name", v.name().name());
        o.put("select", v.select());
        return o;
    }

    static View view(Node n) {
        n.object(Set.of("name", "select"), Set.of("name", "select"));
        return n.build(() -> new View(n.identifier("name"), n.string("select")));
    }

    static ObjectNode trigger(Trigger t) {
        ObjectNode o = F.objectNode();
        o.put("name", t.name().name());
        o.put("table", t.table().name());
        o.put("sql", t.sql());
        return o;
    }

    static Trigger trigger(Node n) {
        n.object(Set.of("name", "table", "sql"), Set.of("name", "table", "sql"));
        return n.build(() -> new Trigger(n.identifier("name"), n.identifier("table"), n.string("sql")));
    }

    static ObjectNode schema(Schema s) {
        ObjectNode o = F.objectNode();
        ArrayNode tables = o.putArray("tables");
        s.tables().values().forEach(t -> tables.add(table(t)));
        ArrayNode indexes = o.putArray("indexes");
        s.indexes().values().forEach(i -> indexes.add(index(i)));
        ArrayNode views = o.putArray("views");
        s.views().values().forEach(v -> views.add(view(v)));
        ArrayNode triggers = o.putArray("triggers");
        s.triggers().values().forEach(t -> triggers.add(trigger(t)));
        if (!s.virtualTables().isEmpty()) {
            ArrayNode virtual = o.putArray("virtualTables");
            s.virtualTables().values().forEach(v -> virtual.addObject().put("name", v.name().name()).put("sql", v.sql()));
        }
        return o;
    }
}
