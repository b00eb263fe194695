package dev.strata.registry.web;

import dev.strata.events.Subject;
import dev.strata.registry.domain.Audit;
import dev.strata.registry.domain.StoredEvent;
import dev.strata.registry.service.Registry;
import dev.strata.registry.service.SubjectView;

import java.util.List;
import java.util.Optional;

/**
 * {@code /subjects/{s}/audit}: the subject's hash chain verified (the first bad event named) over the events the
 * registry read, or with {@code ?read=store} over the whole log read from the store again; any damage; and the
 * latest signed checkpoint when the registry provides one.
 */
final class AuditPage {

    private AuditPage() {
    }

    /**
     * @param fromStore true to read the whole log from the store again (as {@code GET /v1/subjects/{s}/audit} does), false
     *                  to verify the events the registry read from its store, each hashed once and the verdict kept
     */
    static Page render(Subject s, Registry registry, ChainVerdicts verdicts, boolean fromStore, Optional<Checkpoint> checkpoint) {
        SubjectView v = registry.view(s);
        List<Audit.Problem> problems;
        int events;
        String head;
        if (fromStore) {
            List<StoredEvent> log = registry.log(s);
            problems = Audit.verify(log);
            events = log.size();
            head = log.isEmpty() ? "none" : log.get(log.size() - 1).hash();
        } else {
            ChainVerdicts.Verdict verdict = verdicts.of(s, v.history());
            problems = verdict.problems();
            events = verdict.checked();
            head = verdict.last() == null ? "none" : verdict.last().hash();
        }
        boolean intact = problems.isEmpty() && v.damage().isEmpty();
        Html h = new Html().raw("<h1>Audit of ").text(s.name()).raw("</h1>\n<h2>Hash chain</h2>\n<p>")
                .raw(fromStore ? "The whole log, read from the store just now. " : "The events this registry read from its store,"
                        + " at start-up and as each was appended. ")
                .link(fromStore ? Links.audit(s) : Links.audit(s) + "?read=store", fromStore ? "Show the events as read before"
                        : "Read the whole log from the store again").raw("</p>\n<dl class=\"facts\">\n")
                .raw("<dt>Events</dt><dd>").text(events).raw("</dd>\n<dt>Head hash</dt><dd><code class=\"hash\">")
                .text(head).raw("</code></dd>\n<dt>Verdict</dt><dd>")
                .raw(intact ? "<strong class=\"good\">verified</strong>: every event's hash matches its content and links to the one"
                        + " before it" : "<strong class=\"bad\">broken</strong>")
                .raw("</dd>\n</dl>\n");
        if (!problems.isEmpty()) {
            Audit.Problem first = problems.get(0);
            h.raw("<p class=\"bad\" role=\"alert\">First bad event: version ").text(first.version()).raw(": ").text(first.message())
                    .raw("</p>\n<div class=\"scroll\"><table>\n<caption>").text(Words.count(problems.size(), "problem"))
                    .raw("</caption>\n<thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Problem</th></tr></thead>\n<tbody>\n");
            problems.forEach(p -> h.raw("<tr><td>").text(p.version()).raw("</td><td>").text(p.message()).raw("</td></tr>\n"));
            h.raw("</tbody>\n</table></div>\n");
        }
        v.damage().ifPresent(d -> h.raw("<p class=\"bad\">Damaged at version ").text(d.version()).raw(": ").text(d.message())
                .raw(". The registry serves what came before it and refuses writes until the log is repaired.</p>\n"));
        h.raw("<h2 id=\"checkpoint\">Signed checkpoint</h2>\n");
        if (checkpoint.isEmpty()) {
            h.raw("<p>No signed checkpoint is available for this subject.</p>\n");
        } else {
            Checkpoint c = checkpoint.get();
            h.raw("<dl class=\"facts\">\n<dt>Version</dt><dd>").text(c.version()).raw("</dd>\n<dt>Hash</dt><dd><code class=\"hash\">")
                    .text(c.hash()).raw("</code></dd>\n<dt>Signed</dt><dd>").append(Words.time(c.signedAt())).raw("</dd>\n<dt>Verdict</dt><dd>")
                    .raw(c.verified() ? "<strong class=\"good\">verified</strong>: " : "<strong class=\"bad\">not verified</strong>: ")
                    .text(c.detail()).raw("</dd>\n</dl>\n");
        }
        return Page.about(s, Page.Section.AUDIT, "Audit of " + s, h);
    }
}
