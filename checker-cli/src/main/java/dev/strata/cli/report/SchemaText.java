package dev.strata.cli.report;

import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.Unique;
import dev.strata.events.schema.View;

import java.util.List;
import java.util.Locale;

/** A schema as a readable listing: tables with columns and constraints, then indexes, views and triggers. */
public final class SchemaText {

    private SchemaText() {
    }

    public static String of(Schema schema) {
        StringBuilder out = new StringBuilder();
        for (Table t : schema.tables().values()) {
            out.append("table ").append(t.name()).append('\n');
            int width = t.columns().stream().mapToInt(c -> c.name().name().length()).max().orElse(0);
            for (Column c : t.columns()) {
                out.append(String.format(Locale.ROOT, "  %-" + width + "s  %s", c.name(), c.type().isEmpty() ? "(untyped)" : c.type()));
                if (t.primaryKey().columns().equals(List.of(c.name()))) {
                    out.append(" PRIMARY KEY").append(t.primaryKey().autoincrement() ? " AUTOINCREMENT" : "");
                }
                out.append(c.notNull() ? " NOT NULL" : "");
                out.append(c.defaultValue() == null ? "" : " DEFAULT " + c.defaultValue());
                out.append(c.collation() == null ? "" : " COLLATE " + c.collation()).append('\n');
            }
            if (t.primaryKey().columns().size() > 1) {
                out.append("  primary key ").append(names(t.primaryKey().columns())).append('\n');
            }
            for (Unique u : t.uniques()) {
                out.append("  unique ").append(names(u.columns())).append('\n');
            }
            for (ForeignKey f : t.foreignKeys()) {
                out.append("  foreign key ").append(names(f.columns())).append(" -> ").append(f.referencedTable())
                        .append(names(f.referencedColumns())).append(" on delete ").append(f.onDelete().sql().toLowerCase(Locale.ROOT))
                        .append(" on update ").append(f.onUpdate().sql().toLowerCase(Locale.ROOT)).append('\n');
            }
            for (Check c : t.checks()) {
                out.append("  ").append(c).append('\n');
            }
        }
        for (Index i : schema.indexes().values()) {
            out.append(i.unique() ? "unique index " : "index ").append(i.name()).append(" on ").append(i.table())
                    .append("(").append(String.join(", ", i.terms().stream().map(Object::toString).toList())).append(")").append(i.where() == null ? "" : " where " + i.where()).append('\n');
        }
        for (View v : schema.views().values()) {
            out.append("view ").append(v.name()).append(" as ").append(v.select().replaceAll("\\s+", " ")).append('\n');
        }
        for (Trigger t : schema.triggers().values()) {
            out.append("trigger ").append(t.name()).append(" on ").append(t.table()).append('\n');
        }
        return out.length() == 0 ? "(empty schema)\n" : out.toString();
    }

    private static String names(List<Identifier> ids) {
        return "(" + String.join(", ", ids.stream().map(Identifier::name).toList()) + ")";
    }
}
