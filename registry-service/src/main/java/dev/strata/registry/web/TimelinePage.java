package dev.strata.registry.web;

import dev.strata.events.Revision;
import dev.strata.events.Subject;
import dev.strata.registry.domain.DeploymentRecorded;
import dev.strata.registry.domain.RevisionRecorded;
import dev.strata.registry.domain.StoredEvent;
import dev.strata.registry.domain.TagReleased;
import dev.strata.registry.service.SubjectView;

/**
 * {@code /subjects/{s}}: the subject's head, latest tag and deployments, then its timeline, newest first and
 * paged: revisions, tags and deployments on one line of time, in the order the log recorded them.
 */
final class TimelinePage {

    static final int PER_PAGE = 50;

    private TimelinePage() {
    }

    static Page render(Subject s, SubjectView v, int page) {
        int events = v.history().size();
        int pages = Math.max(1, (events + PER_PAGE - 1) / PER_PAGE);
        if (page < 1 || page > pages) {
            throw new java.util.NoSuchElementException("no page " + page + " of the timeline of " + s + "; it has pages 1.." + pages);
        }
        Html h = new Html().element("h1", s.name()).raw("<dl class=\"facts\">\n<dt>Head revision</dt><dd>")
                .append(SubjectsPage.head(s, v)).raw("</dd>\n<dt>Latest tag</dt><dd>").append(SubjectsPage.latestTag(s, v))
                .raw("</dd>\n<dt>Deployments</dt><dd>").append(SubjectsPage.deployments(v)).raw("</dd>\n</dl>\n");
        v.damage().ifPresent(d -> h.raw("<p class=\"bad\" role=\"alert\">This subject is damaged at version ").text(d.version())
                .raw(": ").text(d.message()).raw(" (").link(Links.audit(s), "audit").raw(")</p>\n"));
        h.raw("<h2 id=\"timeline\">Timeline</h2>\n<div class=\"scroll\"><table class=\"timeline\">\n<caption>")
                .text(Words.count(events, "event") + ", newest first; page " + page + " of " + pages)
                .raw("</caption>\n<thead><tr><th scope=\"col\">When</th><th scope=\"col\">What</th><th scope=\"col\">Details</th>")
                .raw("<th scope=\"col\">Who</th></tr></thead>\n<tbody>\n");
        for (StoredEvent e : v.history().newestFirst((page - 1) * PER_PAGE, PER_PAGE)) {
            row(h, s, v, e);
        }
        h.raw("</tbody>\n</table></div>\n<nav class=\"pages\" aria-label=\"Timeline pages\">");
        if (page > 1) {
            h.raw("<a rel=\"prev\" href=\"").attr(Links.timelinePage(s, page - 1)).raw("\">Newer</a> ");
        }
        if (page < pages) {
            h.raw("<a rel=\"next\" href=\"").attr(Links.timelinePage(s, page + 1)).raw("\">Older</a>");
        }
        return Page.about(s, Page.Section.TIMELINE, s.name(), h.raw("</nav>\n"));
    }

    // the three kinds of registry event, each shown its own way; a sealed set of three, so no visitor
    private static void row(Html h, Subject s, SubjectView v, StoredEvent e) {
        if (e.event() instanceof RevisionRecorded r) {
            Revision rev = r.number() <= v.head() ? v.revisions().get(r.number() - 1) : null;
            h.raw("<tr class=\"revision\"><td>").append(rev == null ? new Html().text("?") : Words.time(rev.timestamp()))
                    .raw("</td><td>").link(Links.revision(s, r.number()), "revision " + r.number())
                    .raw("</td><td>").text(rev == null ? "not applied (see the audit)" : rev.message())
                    .raw("</td><td>").text(rev == null ? "" : rev.author()).raw("</td></tr>\n");
        } else if (e.event() instanceof TagReleased t) {
            h.raw("<tr class=\"tag\"><td>").append(Words.time(t.at())).raw("</td><td>").link(Links.tag(s, t.tag()), "tag " + t.tag())
                    .raw("</td><td>released at ").link(Links.revision(s, t.revision()), "revision " + t.revision())
                    .raw(" from commit ").element("code", t.commit()).raw("</td><td>").text(t.by()).raw("</td></tr>\n");
        } else if (e.event() instanceof DeploymentRecorded d) {
            h.raw("<tr class=\"deployment\"><td>").append(Words.time(d.at())).raw("</td><td>deployment to <strong>")
                    .text(d.environment()).raw("</strong></td><td>revision ").text(d.from() + " → " + d.to()).raw(": ")
                    .append(Words.outcomeBadge(d.outcome()));
            if (d.verified() != null) {
                h.raw("; verified: ").text(d.verified());
            }
            h.raw("</td><td>").text(d.by()).raw("</td></tr>\n");
        }
    }
}
