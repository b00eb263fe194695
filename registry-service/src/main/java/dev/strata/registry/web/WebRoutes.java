package dev.strata.registry.web;

import dev.strata.events.Subject;
import dev.strata.registry.service.Registry;
import dev.strata.registry.service.SubjectView;
import org.eclipse.jetty.util.Fields;

import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which page a path names: the UI's stable addresses (see {@link Links}). */
final class WebRoutes {

    private static final Pattern SUBJECT = Pattern.compile("/subjects/([^/]+)(/.*)?");
    private static final Pattern REVISION = Pattern.compile("/revisions/([^/]+)");
    private static final Pattern TAG = Pattern.compile("/tags/(.+)");

    private WebRoutes() {
    }

    /**
     * @throws NoSuchElementException for a path, subject, revision or tag that does not exist (404)
     * @throws IllegalArgumentException for a malformed query (400)
     */
    static Page page(Registry registry, ChainVerdicts verdicts, Function<Subject, Optional<Checkpoint>> checkpoints, String path,
                     Fields query) {
        if (path.equals("/")) {
            return SubjectsPage.render(registry);
        }
        Matcher m = SUBJECT.matcher(path);
        if (!m.matches()) {
            throw new NoSuchElementException("There is no page at " + path + ".");
        }
        if (!Subject.isValid(m.group(1)) || !registry.exists(new Subject(m.group(1)))) {
            throw new NoSuchElementException("There is no subject " + m.group(1) + " in this registry.");
        }
        Subject s = new Subject(m.group(1));
        SubjectView v = registry.view(s);
        String rest = m.group(2) == null ? "" : m.group(2);
        Matcher revision = REVISION.matcher(rest);
        Matcher tag = TAG.matcher(rest);
        return switch (rest) {
            case "" -> TimelinePage.render(s, v, page(query.getValue("page")));
            case "/schema" -> SchemaPage.render(s, v, query.getValue("at"));
            case "/diff" -> DiffPage.render(s, v, query.getValue("from"), query.getValue("to"));
            case "/audit" -> AuditPage.render(s, registry, verdicts, "store".equals(query.getValue("read")), checkpoints.apply(s));
            default -> {
                if (revision.matches()) {
                    yield RevisionPage.render(s, v, revision.group(1));
                }
                if (tag.matches()) {
                    yield SchemaPage.tag(s, v, tag.group(1));
                }
                throw new NoSuchElementException("There is no page at " + path + ".");
            }
        };
    }

    private static int page(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        if (!value.matches("[0-9]{1,6}")) {
            throw new IllegalArgumentException("page must be a number of 1 or more, not '" + value + "'");
        }
        return Integer.parseInt(value);
    }
}
