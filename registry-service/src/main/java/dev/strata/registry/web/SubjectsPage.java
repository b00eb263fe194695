package dev.strata.registry.web;

import dev.strata.events.Revision;
import dev.strata.events.Subject;
import dev.strata.registry.domain.DeploymentRecorded;
import dev.strata.registry.domain.TagReleased;
import dev.strata.registry.service.Registry;
import dev.strata.registry.service.SubjectView;

import java.util.Optional;

/** {@code /}: every subject with its head revision, latest tag and latest deployment per environment. */
final class SubjectsPage {

    private SubjectsPage() {
    }

    static Page render(Registry registry) {
        Html h = new Html().raw("<h1>Subjects</h1>\n");
        if (registry.subjects().isEmpty()) {
            return Page.of("Subjects", h.raw("<p>No subject yet: <code>strata push</code> records a database's revisions.</p>\n"));
        }
        h.raw("<div class=\"scroll\"><table>\n<caption>").text(Words.count(registry.subjects().size(), "subject"))
                .raw("</caption>\n<thead><tr><th scope=\"col\">Subject</th><th scope=\"col\">Head revision</th>")
                .raw("<th scope=\"col\">Latest tag</th><th scope=\"col\">Latest deployments</th></tr></thead>\n<tbody>\n");
        for (Subject s : registry.subjects()) {
            SubjectView v = registry.view(s);
            h.raw("<tr><th scope=\"row\">").link(Links.subject(s), s.name());
            v.damage().ifPresent(d -> h.raw(" <span class=\"bad\">damaged at version ").text(d.version()).raw("</span>"));
            h.raw("</th><td>").append(head(s, v)).raw("</td><td>").append(latestTag(s, v)).raw("</td><td>")
                    .append(deployments(v)).raw("</td></tr>\n");
        }
        return Page.of("Subjects", h.raw("</tbody>\n</table></div>\n"));
    }

    static Html head(Subject s, SubjectView v) {
        if (v.head() == 0) {
            return new Html().text("none");
        }
        Revision r = v.revisions().get(v.head() - 1);
        return new Html().link(Links.revision(s, r.number()), r.label());
    }

    static Optional<TagReleased> latest(SubjectView v) {
        return v.log().tags().values().stream().reduce((first, second) -> second);
    }

    static Html latestTag(Subject s, SubjectView v) {
        return latest(v).map(t -> new Html().link(Links.tag(s, t.tag()), t.tag()).text(" (revision " + t.revision() + ")"))
                .orElseGet(() -> new Html().text("none"));
    }

    /** One line per environment: the revisions, the outcome, when. */
    static Html deployments(SubjectView v) {
        if (v.log().deployments().isEmpty()) {
            return new Html().text("none");
        }
        Html h = new Html().raw("<ul class=\"plain\">");
        for (DeploymentRecorded d : v.log().deployments().values()) {
            h.raw("<li><strong>").text(d.environment()).raw("</strong>: ").text(d.from() + " → " + d.to()).raw(" ")
                    .append(Words.outcomeBadge(d.outcome())).raw(" ").append(Words.time(d.at())).raw("</li>");
        }
        return h.raw("</ul>");
    }
}
