package dev.strata.events.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.ForeignKeyAction;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.PrimaryKey;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.Unique;
import dev.strata.events.schema.View;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.strata.events.json.SchemaValues.F;

/**
 * {@code schema/models.yaml}: the declared schema in a readable YAML form (see docs/file-formats.md).
 * Strict: unknown keys and invalid values are errors naming the file and the path.
 */
public final class ModelsYaml {

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern REFERENCE = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_$]*)\\s*\\(([^)]*)\\)\\s*");

    private ModelsYaml() {
    }

    public static Schema read(String yaml, String fileName) {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new RevisionFormatException(fileName + ": " + where + "malformed YAML: " + e.getOriginalMessage(), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return Schema.EMPTY;
        }
        Node root = Node.root(tree, fileName).object(Set.of("tables", "indexes", "views", "triggers"), Set.of());
        Map<Identifier, Table> tables = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : entries(root, "tables")) {
            Table t = table(e.getKey(), e.getValue());
            tables.put(t.name(), t);
        }
        Map<Identifier, Index> indexes = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : entries(root, "indexes")) {
            Node n = e.getValue().object(Set.of("table", "columns", "unique", "where"), Set.of("table", "columns"));
            Identifier name = key(e.getValue(), e.getKey());
            indexes.put(name, n.build(() -> Index.of(name, n.identifier("table"), columns(n.field("columns")),
                    n.bool("unique", false), n.optionalString("where"))));
        }
        Map<Identifier, View> views = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : entries(root, "views")) {
            Identifier name = key(e.getValue(), e.getKey());
            views.put(name, e.getValue().build(() -> new View(name, e.getValue().string())));
        }
        Map<Identifier, Trigger> triggers = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : entries(root, "triggers")) {
            Node n = e.getValue().object(Set.of("table", "sql"), Set.of("table", "sql"));
            Identifier name = key(e.getValue(), e.getKey());
            triggers.put(name, n.build(() -> new Trigger(name, n.identifier("table"), n.string("sql"))));
        }
        return root.build(() -> new Schema(tables, indexes, views, triggers));
    }

    private static Table table(String key, Node n) {
        n.object(Set.of("columns", "primaryKey", "autoincrement", "unique", "foreignKeys", "checks"), Set.of("columns"));
        Identifier name = key(n, key);
        List<Column> columns = new ArrayList<>();
        for (Map.Entry<String, Node> c : entries(n, "columns")) {
            Node cn = c.getValue();
            Identifier col = key(cn, c.getKey());
            if (cn.isText()) {
                columns.add(cn.build(() -> new Column(col, cn.string(), false, null, null)));
            } else {
                cn.object(Set.of("type", "notNull", "default", "collation"), Set.of());
                columns.add(cn.build(() -> new Column(col, cn.has("type") ? cn.string("type") : "", cn.bool("notNull", false),
                        scalar(cn, "default"), cn.optionalString("collation"))));
            }
        }
        PrimaryKey key1 = n.has("primaryKey")
                ? new PrimaryKey(columns(n.field("primaryKey")), n.bool("autoincrement", false)) : PrimaryKey.NONE;
        List<Unique> uniques = n.list("unique", u -> u.build(() -> new Unique(columns(u))));
        List<ForeignKey> fks = n.list("foreignKeys", ModelsYaml::foreignKey);
        List<Check> checks = n.list("checks", c -> c.isText() ? c.build(() -> Check.of(c.string()))
                : SchemaValues.check(c));
        return n.build(() -> new Table(name, columns, key1, uniques, fks, checks));
    }

    private static ForeignKey foreignKey(Node n) {
        n.object(Set.of("column", "columns", "references", "onDelete", "onUpdate"), Set.of("references"));
        List<Identifier> cols = n.has("column") ? List.of(n.identifier("column")) : columns(n.field("columns"));
        Node ref = n.field("references");
        Identifier table;
        List<Identifier> refCols;
        if (ref.isText()) {
            Matcher m = REFERENCE.matcher(ref.string());
            if (!m.matches()) {
                throw ref.error("expected table(column, ...), such as companies(id), found \"" + ref.string() + "\"");
            }
            table = ref.build(() -> Identifier.of(m.group(1)));
            refCols = ref.build(() -> java.util.Arrays.stream(m.group(2).split(",")).map(String::strip).map(Identifier::of).toList());
        } else {
            ref.object(Set.of("table", "columns"), Set.of("table", "columns"));
            table = ref.identifier("table");
            refCols = columns(ref.field("columns"));
        }
        return n.build(() -> new ForeignKey(cols, table, refCols, action(n, "onDelete"), action(n, "onUpdate")));
    }

    private static ForeignKeyAction action(Node n, String name) {
        return n.has(name) ? n.field(name).build(() -> ForeignKeyAction.parse(n.string(name))) : ForeignKeyAction.NO_ACTION;
    }

    /** A column list: one name, or a list of names. */
    private static List<Identifier> columns(Node n) {
        return n.isText() ? List.of(n.identifier()) : n.array().stream().map(Node::identifier).toList();
    }

    private static String scalar(Node n, String name) {
        return n.has(name) ? n.scalarText(name) : null;
    }

    private static Identifier key(Node at, String key) {
        return at.build(() -> Identifier.of(key));
    }

    private static List<Map.Entry<String, Node>> entries(Node parent, String name) {
        if (!parent.has(name)) {
            return List.of();
        }
        return parent.field(name).entries();
    }

    /** The schema as models.yaml text; {@code read(write(s))} equals {@code s}. */
    public static String write(Schema s) {
        ObjectNode root = F.objectNode();
        ObjectNode tables = root.putObject("tables");
        for (Table t : s.tables().values()) {
            ObjectNode o = tables.putObject(t.name().name());
            ObjectNode cols = o.putObject("columns");
            for (Column c : t.columns()) {
                if (!c.notNull() && c.defaultValue() == null && c.collation() == null) {
                    cols.put(c.name().name(), c.type());
                } else {
                    ObjectNode co = cols.putObject(c.name().name());
                    co.put("type", c.type());
                    if (c.notNull()) {
                        co.put("notNull", true);
                    }
                    if (c.defaultValue() != null) {
                        co.put("default", c.defaultValue());
                    }
                    if (c.collation() != null) {
                        co.put("collation", c.collation());
                    }
                }
            }
            if (t.primaryKey().isPresent()) {
                o.set("primaryKey", SchemaValues.ids(t.primaryKey().columns()));
                if (t.primaryKey().autoincrement()) {
                    o.put("autoincrement", true);
                }
            }
            if (!t.uniques().isEmpty()) {
                ArrayNode a = o.putArray("unique");
                t.uniques().forEach(u -> a.add(SchemaValues.ids(u.columns())));
            }
            if (!t.foreignKeys().isEmpty()) {
                ArrayNode a = o.putArray("foreignKeys");
                for (ForeignKey fk : t.foreignKeys()) {
                    ObjectNode f = a.addObject();
                    f.set("columns", SchemaValues.ids(fk.columns()));
                    f.put("references", fk.referencedTable().name() + "(" + String.join(", ",
                            fk.referencedColumns().stream().map(Identifier::name).toList()) + ")");
                    if (fk.onDelete() != ForeignKeyAction.NO_ACTION) {
                        f.put("onDelete", fk.onDelete().sql());
                    }
                    if (fk.onUpdate() != ForeignKeyAction.NO_ACTION) {
                        f.put("onUpdate", fk.onUpdate().sql());
                    }
                }
            }
            if (!t.checks().isEmpty()) {
                ArrayNode a = o.putArray("checks");
                t.checks().forEach(c -> {
                    if (c.name() == null) {
                        a.add(c.expression());
                    } else {
                        a.add(SchemaValues.check(c));
                    }
                });
            }
        }
        if (!s.indexes().isEmpty()) {
            ObjectNode indexes = root.putObject("indexes");
            for (Index i : s.indexes().values()) {
                ObjectNode o = SchemaValues.index(i);
                o.remove("name");
                if (!i.unique()) {
                    o.remove("unique");
                }
                indexes.set(i.name().name(), o);
            }
        }
        if (!s.views().isEmpty()) {
            ObjectNode views = root.putObject("views");
            s.views().values().forEach(v -> views.put(v.name().name(), v.select()));
        }
        if (!s.triggers().isEmpty()) {
            ObjectNode triggers = root.putObject("triggers");
            for (Trigger t : s.triggers().values()) {
                ObjectNode o = triggers.putObject(t.name().name());
                o.put("table", t.table().name());
                o.put("sql", t.sql());
            }
        }
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing models: " + e.getMessage(), e);
        }
    }

}
