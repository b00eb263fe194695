package dev.strata.registry.web;

import dev.strata.events.Subject;
import dev.strata.registry.domain.TagReleased;
import dev.strata.registry.service.SubjectView;

/**
 * {@code /subjects/{s}/schema?at=…} (a revision number, a tag, an ISO time or head) and the tag page
 * {@code /subjects/{s}/tags/{tag}}: the schema at that point, its tables, keys, indexes and ER diagram.
 */
final class SchemaPage {

    private SchemaPage() {
    }

    static Page render(Subject s, SubjectView v, String at) {
        int n = v.at(at);
        String point = at == null || at.isBlank() ? "head" : at;
        Html h = new Html().raw("<h1>Schema of ").text(s.name()).raw(" at ").text(point)
                .raw(point.equals(String.valueOf(n)) ? "" : " (revision " + n + ")").raw("</h1>\n")
                .raw("<form class=\"point\" method=\"get\" action=\"").attr(Links.subject(s) + "/schema").raw("\">")
                .raw("<label for=\"at\">Revision, tag or ISO time</label> <input id=\"at\" name=\"at\" value=\"").attr(point)
                .raw("\"> <button type=\"submit\">Show</button></form>\n");
        if (n > 0) {
            h.raw("<p>After ").link(Links.revision(s, n), "revision " + v.revisions().get(n - 1).label()).raw(".</p>\n");
        }
        h.append(SchemaSection.of(v.schemaAt(n), "ER diagram of " + s + " at " + point + ": "
                + (v.schemaAt(n).tables().isEmpty() ? "no tables" : "tables " + String.join(", ",
                v.schemaAt(n).tables().keySet().stream().map(t -> t.name()).toList()))));
        return Page.about(s, Page.Section.SCHEMA, "Schema of " + s + " at " + point, h);
    }

    static Page tag(Subject s, SubjectView v, String name) {
        TagReleased t = v.log().tags().get(name);
        if (t == null) {
            throw new java.util.NoSuchElementException("no tag " + name + " of " + s + "; its tags are listed on its timeline");
        }
        String previous = v.log().tags().values().stream().takeWhile(o -> !o.tag().equals(name))
                .reduce((a, b) -> b).map(TagReleased::tag).orElse("0");
        Html h = new Html().raw("<h1>Tag ").text(t.tag()).raw(" of ").text(s.name()).raw("</h1>\n<dl class=\"facts\">\n")
                .raw("<dt>Revision</dt><dd>").link(Links.revision(s, t.revision()), "revision " + t.revision())
                .raw("</dd>\n<dt>Commit</dt><dd><code>").text(t.commit()).raw("</code></dd>\n<dt>Released by</dt><dd>").text(t.by())
                .raw("</dd>\n<dt>Released</dt><dd>").append(Words.time(t.at())).raw("</dd>\n</dl>\n<p class=\"actions\">")
                .link(Links.diff(s, previous, t.tag()), previous.equals("0") ? "Diff from the empty schema" : "Diff from " + previous)
                .raw("</p>\n").append(SchemaSection.of(v.schemaAt(t.revision()), "ER diagram of " + s + " at tag " + t.tag()));
        return Page.about(s, Page.Section.SCHEMA, "Tag " + t.tag() + " of " + s, h);
    }
}
