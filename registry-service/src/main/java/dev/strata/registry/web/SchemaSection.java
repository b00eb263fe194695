package dev.strata.registry.web;

import dev.strata.events.schema.Check;
import dev.strata.events.schema.Column;
import dev.strata.events.schema.ForeignKey;
import dev.strata.events.schema.ForeignKeyAction;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Index;
import dev.strata.events.schema.IndexTerm;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.schema.Trigger;
import dev.strata.events.schema.Unique;
import dev.strata.events.schema.View;

import java.util.List;

/** A schema for people: the ER diagram, then each table with its columns, keys and indexes, then views and triggers. */
final class SchemaSection {

    private SchemaSection() {
    }

    static Html of(Schema schema, String caption) {
        Html h = new Html().raw("<h2 id=\"diagram\">Diagram</h2>\n<figure class=\"scroll\">\n").append(ErSvg.of(schema, caption))
                .raw("<figcaption>").text(caption).raw("</figcaption>\n</figure>\n<h2 id=\"tables\">Tables</h2>\n");
        if (schema.tables().isEmpty()) {
            h.raw("<p>None.</p>\n");
        }
        for (Table t : schema.tables().values()) {
            table(h, t, schema.indexesOn(t.name()));
        }
        if (!schema.views().isEmpty()) {
            h.raw("<h2 id=\"views\">Views</h2>\n");
            for (View v : schema.views().values()) {
                h.element("h3", v.name().name()).append(SqlHighlight.of(v.select()));
            }
        }
        if (!schema.triggers().isEmpty()) {
            h.raw("<h2 id=\"triggers\">Triggers</h2>\n");
            for (Trigger t : schema.triggers().values()) {
                h.element("h3", t.name().name() + " on " + t.table().name()).append(SqlHighlight.of(t.sql()));
            }
        }
        return h;
    }

    private static void table(Html h, Table t, List<Index> indexes) {
        h.raw("<section class=\"table\" aria-labelledby=\"t-").attr(t.name().key()).raw("\"><h3 id=\"t-").attr(t.name().key())
                .raw("\">").text(t.name().name()).raw("</h3>\n<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">Column</th>")
                .raw("<th scope=\"col\">Type</th><th scope=\"col\">Null</th><th scope=\"col\">Default</th><th scope=\"col\">Key</th>")
                .raw("</tr></thead>\n<tbody>\n");
        for (Column c : t.columns()) {
            boolean pk = t.primaryKey().columns().contains(c.name());
            boolean fk = t.foreignKeys().stream().anyMatch(f -> f.columns().contains(c.name()));
            h.raw("<tr><th scope=\"row\">").text(c.name().name()).raw("</th><td>").text(c.type().isEmpty() ? "(none)" : c.type())
                    .raw("</td><td>").text(c.notNull() ? "not null" : "null").raw("</td><td>")
                    .text(c.defaultValue() == null ? "" : c.defaultValue()).raw("</td><td>")
                    .text((pk ? "PK " : "") + (fk ? "FK" : "")).raw("</td></tr>\n");
        }
        h.raw("</tbody>\n</table></div>\n<ul class=\"keys\">\n");
        if (t.primaryKey().isPresent()) {
            h.raw("<li>primary key (").text(names(t.primaryKey().columns()))
                    .text(t.primaryKey().autoincrement() ? ") AUTOINCREMENT" : ")").raw("</li>\n");
        }
        for (Unique u : t.uniques()) {
            h.raw("<li>unique (").text(names(u.columns())).raw(")</li>\n");
        }
        for (ForeignKey f : t.foreignKeys()) {
            h.raw("<li>foreign key (").text(names(f.columns())).raw(") references ").text(f.referencedTable().name())
                    .text(f.referencedColumns().isEmpty() ? "" : " (" + names(f.referencedColumns()) + ")")
                    .text(action("on delete", f.onDelete()) + action("on update", f.onUpdate())).raw("</li>\n");
        }
        for (Check c : t.checks()) {
            h.raw("<li>").text(c.toString()).raw("</li>\n");
        }
        for (Index i : indexes) {
            h.raw("<li>").text((i.unique() ? "unique index " : "index ") + i.name().name() + " on ("
                    + String.join(", ", i.terms().stream().map(IndexTerm::sql).toList()) + ")"
                    + (i.where() == null ? "" : " where " + i.where())).raw("</li>\n");
        }
        h.raw("</ul>\n</section>\n");
    }

    private static String action(String when, ForeignKeyAction a) {
        return a == ForeignKeyAction.NO_ACTION ? "" : " " + when + " " + a.sql();
    }

    static String names(List<Identifier> ids) {
        return String.join(", ", ids.stream().map(Identifier::name).toList());
    }
}
