package dev.strata.registry.web;

import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import dev.strata.events.Subject;
import dev.strata.events.projection.Difference;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.schema.Column;
import dev.strata.registry.domain.TagReleased;
import dev.strata.registry.service.SchemaChanges;
import dev.strata.registry.service.SubjectView;

import java.util.List;

/**
 * {@code /subjects/{s}/diff?from=…&to=…}: tables and columns added, dropped, renamed and changed between two points
 * (revisions, tags or times), every other difference in words, and the revisions and events between them.
 */
final class DiffPage {

    /** Revisions listed at most; the timeline has the rest. */
    static final int MAX_REVISIONS = 200;

    private DiffPage() {
    }

    static Page render(Subject s, SubjectView v, String fromParam, String toParam) {
        List<TagReleased> tags = List.copyOf(v.log().tags().values());
        String fromPoint = blank(fromParam) ? (tags.size() > 1 ? tags.get(tags.size() - 2).tag() : "0") : fromParam;
        String toPoint = blank(toParam) ? (tags.isEmpty() ? "head" : tags.get(tags.size() - 1).tag()) : toParam;
        int from = v.at(fromPoint);
        int to = v.at(toPoint);
        Html h = new Html().raw("<h1>Diff of ").text(s.name()).raw(" from ").text(fromPoint).raw(" to ").text(toPoint).raw("</h1>\n")
                .raw("<form class=\"point\" method=\"get\" action=\"").attr(Links.subject(s) + "/diff").raw("\">")
                .raw("<label for=\"from\">From</label> <input id=\"from\" name=\"from\" value=\"").attr(fromPoint).raw("\"> ")
                .raw("<label for=\"to\">To</label> <input id=\"to\" name=\"to\" value=\"").attr(toPoint).raw("\"> ")
                .raw("<button type=\"submit\">Compare</button></form>\n<p>From revision ").text(from).raw(" to revision ").text(to)
                .raw(from > to ? " (backwards: what a downgrade would undo)." : ".").raw("</p>\n");
        tables(h, SchemaChanges.between(v, from, to));
        List<Difference> all = SchemaDiff.differences(v.schemaAt(to), v.schemaAt(from), "revision " + to, "revision " + from);
        h.raw("<h2>All differences in words</h2>\n");
        if (all.isEmpty()) {
            h.raw("<p>None: the schemas are the same.</p>\n");
        } else {
            h.raw("<ul>\n");
            all.forEach(d -> h.element("li", d.message()).raw("\n"));
            h.raw("</ul>\n");
        }
        events(h, s, v, Math.min(from, to), Math.max(from, to));
        return Page.about(s, Page.Section.DIFF, "Diff of " + s + " from " + fromPoint + " to " + toPoint, h);
    }

    private static void tables(Html h, SchemaChanges c) {
        h.raw("<h2>Tables</h2>\n");
        if (c.tablesAdded().isEmpty() && c.tablesDropped().isEmpty() && c.tablesChanged().isEmpty()) {
            h.raw("<p>No table or column changed.</p>\n");
            return;
        }
        h.raw("<ul class=\"changes\">\n");
        c.tablesAdded().forEach(t -> h.raw("<li class=\"added\">table ").element("strong", t.name()).raw(" added</li>\n"));
        c.tablesDropped().forEach(t -> h.raw("<li class=\"dropped\">table ").element("strong", t.name()).raw(" dropped</li>\n"));
        for (SchemaChanges.TableChange t : c.tablesChanged()) {
            h.raw("<li class=\"changed\">table ").element("strong", t.to().name());
            if (t.isRenamed()) {
                h.raw(" renamed from ").element("strong", t.from().name());
            }
            h.raw(" changed\n<ul>\n");
            t.added().forEach(col -> h.raw("<li class=\"added\">column ").element("code", col.name().name()).raw(" added: ")
                    .text(column(col)).raw("</li>\n"));
            t.dropped().forEach(col -> h.raw("<li class=\"dropped\">column ").element("code", col.name().name()).raw(" dropped</li>\n"));
            t.renamed().forEach(r -> h.raw("<li class=\"renamed\">column ").element("code", r.from().name()).raw(" renamed to ")
                    .element("code", r.to().name()).raw("</li>\n"));
            t.changed().forEach(ch -> h.raw("<li class=\"changed\">column ").element("code", ch.after().name().name())
                    .raw(" changed: ").text(column(ch.before()) + " → " + column(ch.after())).raw("</li>\n"));
            h.raw("</ul></li>\n");
        }
        h.raw("</ul>\n");
    }

    private static void events(Html h, Subject s, SubjectView v, int lo, int hi) {
        h.raw("<h2>Revisions between them</h2>\n");
        if (lo == hi) {
            h.raw("<p>None: both points are the same revision.</p>\n");
            return;
        }
        h.raw("<ol class=\"revisions\">\n");
        for (Revision r : v.revisions().subList(lo, Math.min(hi, lo + MAX_REVISIONS))) {
            h.raw("<li value=\"").text(r.number()).raw("\">").link(Links.revision(s, r.number()), r.label()).raw(": ").text(r.message())
                    .raw("\n<ul>\n");
            for (SchemaEvent e : r.events()) {
                h.element("li", e.describe()).raw("\n");
            }
            h.raw("</ul></li>\n");
        }
        h.raw("</ol>\n");
        if (hi - lo > MAX_REVISIONS) {
            h.raw("<p>And ").text(hi - lo - MAX_REVISIONS).raw(" more revisions, up to ").link(Links.revision(s, hi), "revision " + hi)
                    .raw(".</p>\n");
        }
    }

    private static String column(Column c) {
        return (c.type().isEmpty() ? "untyped" : c.type()) + (c.notNull() ? " NOT NULL" : "")
                + (c.defaultValue() == null ? "" : " DEFAULT " + c.defaultValue()) + (c.collation() == null ? "" : " COLLATE " + c.collation());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
