package dev.strata.events.diagram;

import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** A Mermaid {@code erDiagram} of a schema, or of some of its tables and those they reference. */
public final class ErDiagram {

    private ErDiagram() {
    }

    public static String of(Schema schema) {
        return of(schema, schema.tables().keySet());
    }

    public static String of(Schema schema, Collection<Identifier> tables) {
        Set<Identifier> shown = new LinkedHashSet<>();
        for (Identifier t : tables) {
            schema.table(t).ifPresent(table -> {
                shown.add(table.name());
                table.foreignKeys().forEach(f -> shown.add(f.referencedTable()));
            });
        }
        StringBuilder out = new StringBuilder("erDiagram\n");
        for (Identifier name : shown) {
            Table t = schema.tables().get(name);
            if (t == null) {
                continue;
            }
            out.append("    ").append(label(t.name())).append(" {\n");
            for (Column c : t.columns()) {
                String type = c.type().isEmpty() ? "ANY" : c.type().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
                String keys = "";
                if (t.primaryKey().columns().contains(c.name())) {
                    keys = "PK";
                }
                boolean fk = t.foreignKeys().stream().anyMatch(f -> f.columns().contains(c.name()));
                if (fk) {
                    keys = keys.isEmpty() ? "FK" : keys + ", FK";
                }
                out.append("        ").append(type).append(' ').append(label(c.name())).append(keys.isEmpty() ? "" : " " + keys)
                        .append(c.notNull() ? " \"not null\"" : "").append('\n');
            }
            out.append("    }\n");
        }
        for (Identifier name : shown) {
            Table t = schema.tables().get(name);
            if (t == null) {
                continue;
            }
            for (ForeignKey f : t.foreignKeys()) {
                if (shown.contains(f.referencedTable())) {
                    boolean optional = f.columns().stream().anyMatch(c -> t.column(c).map(x -> !x.notNull()).orElse(true));
                    out.append("    ").append(label(f.referencedTable())).append(optional ? " |o--o{ " : " ||--o{ ").append(label(t.name()))
                            .append(" : \"").append(String.join(", ", f.columns().stream().map(Identifier::name).toList()).replace('"', '\''))
                            .append("\"\n");
                }
            }
        }
        return out.toString();
    }

    /** The name as Mermaid takes it unquoted: SQLite allows names (spaces, quotes, '€') a diagram cannot show. */
    private static String label(Identifier name) {
        return Identifier.isPlain(name.name()) ? name.name() : name.name().replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
