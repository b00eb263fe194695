package dev.strata.registry.domain;

import java.util.ArrayList;
import java.util.List;

/** Verifies a subject's hash chain: versions 1, 2, 3… and each event's hash and link to the previous one. */
public final class Audit {

    /** One broken link, naming the subject and version. */
    public record Problem(String subject, long version, String message) {
    }

    private Audit() {
    }

    public static List<Problem> verify(List<StoredEvent> log) {
        return verify(null, log);
    }

    /** Verifies {@code next}, the events that follow {@code previous} (null: the log's start), so a long log can be checked in parts. */
    public static List<Problem> verify(StoredEvent previous, List<StoredEvent> next) {
        List<Problem> out = new ArrayList<>();
        for (StoredEvent e : next) {
            String subject = e.subject().name();
            long expected = previous == null ? 1 : previous.version() + 1;
            if (e.version() != expected) {
                out.add(new Problem(subject, e.version(), "version " + e.version() + " follows version " + (expected - 1)));
            }
            if (!e.intact()) {
                out.add(new Problem(subject, e.version(), "the stored hash does not match the event's content: it was altered"));
            }
            String link = previous == null ? null : previous.hash();
            if (!java.util.Objects.equals(link, e.previousHash())) {
                out.add(new Problem(subject, e.version(), "the link to version " + (e.version() - 1) + " is broken"));
            }
            previous = e;
        }
        return out;
    }
}
