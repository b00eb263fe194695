package dev.strata.registry.web;

import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import dev.strata.events.Subject;
import dev.strata.events.schema.Schema;
import dev.strata.events.sql.SqliteDialect;
import dev.strata.registry.domain.TagReleased;
import dev.strata.registry.service.SubjectView;

import java.util.List;

/**
 * {@code /subjects/{s}/revisions/{n}}: message, author, time, hash and parent, the events in words, the upgrade
 * and downgrade SQL highlighted, and the tags that contain it.
 */
final class RevisionPage {

    private RevisionPage() {
    }

    static Page render(Subject s, SubjectView v, String number) {
        int n = v.revisionNumber(number);
        if (n < 1) {
            throw new java.util.NoSuchElementException("revision numbers start at 1");
        }
        Revision r = v.revisions().get(n - 1);
        Schema before = v.schemaAt(n - 1);
        Html h = new Html().raw("<h1>Revision ").text(r.number()).raw(": ").text(r.slug()).raw("</h1>\n<dl class=\"facts\">\n")
                .raw("<dt>Message</dt><dd>").text(r.message()).raw("</dd>\n<dt>Author</dt><dd>").text(r.author())
                .raw("</dd>\n<dt>Time</dt><dd>").append(Words.time(r.timestamp())).raw("</dd>\n<dt>Hash</dt><dd><code class=\"hash\">")
                .text(r.hash()).raw("</code></dd>\n<dt>Parent</dt><dd>");
        if (r.parent() == null) {
            h.text("none (the first revision)");
        } else {
            h.link(Links.revision(s, n - 1), "revision " + (n - 1)).raw(" <code class=\"hash\">").text(r.parent()).raw("</code>");
        }
        h.raw("</dd>\n<dt>Tags that contain it</dt><dd>");
        List<TagReleased> containing = v.log().tags().values().stream().filter(t -> t.revision() >= n).toList();
        if (containing.isEmpty()) {
            h.text("none yet");
        }
        for (int i = 0; i < containing.size(); i++) {
            h.raw(i == 0 ? "" : ", ").link(Links.tag(s, containing.get(i).tag()), containing.get(i).tag());
        }
        h.raw("</dd>\n</dl>\n<p class=\"actions\">").link(Links.schema(s, String.valueOf(n)), "Schema after this revision").raw(" · ")
                .link(Links.diff(s, String.valueOf(n - 1), String.valueOf(n)), "Diff with revision " + (n - 1));
        if (n < v.head()) {
            h.raw(" · ").link(Links.revision(s, n + 1), "Next revision");
        }
        h.raw("</p>\n<h2>Events</h2>\n<ol>\n");
        for (SchemaEvent e : r.events()) {
            h.element("li", e.describe()).raw("\n");
        }
        h.raw("</ol>\n<h2>Upgrade SQL</h2>\n").append(SqlHighlight.of(SqliteDialect.upgrade(before, r).text()))
                .raw("<h2>Downgrade SQL</h2>\n").append(SqlHighlight.of(SqliteDialect.downgrade(before, r).text()))
                .raw("<h2>Lint findings</h2>\n<p>The registry holds no lint findings: <code>strata check</code> reports them on the")
                .raw(" pull request that added this revision.</p>\n");
        return Page.about(s, Page.Section.TIMELINE, "Revision " + n + " of " + s, h);
    }
}
