package dev.strata.registry.web;

import dev.strata.registry.domain.DeploymentRecorded;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages say recurring things: times, outcomes, hashes. */
final class Words {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Words() {
    }

    /** A {@code <time>} element: machine-readable and read by people in UTC. */
    static Html time(Instant t) {
        return new Html().raw("<time datetime=\"").attr(t.toString()).raw("\">").text(TIME.format(t)).raw("</time>");
    }

    /** The outcome as the timeline says it: applied, rolled back, failed. */
    static String outcome(DeploymentRecorded.Outcome o) {
        return switch (o) {
            case SUCCEEDED -> "applied";
            case ROLLED_BACK -> "rolled back";
            case FAILED -> "failed";
        };
    }

    /** The outcome as a marked span, its class naming it for the stylesheet. */
    static Html outcomeBadge(DeploymentRecorded.Outcome o) {
        return new Html().raw("<span class=\"outcome " + o.name().toLowerCase(Locale.ROOT).replace('_', '-') + "\">")
                .text(outcome(o)).raw("</span>");
    }

    /** A hash in a {@code <code>} element, shortened to 12 digits with the whole of it in the title. */
    static Html shortHash(String hash) {
        return new Html().raw("<code title=\"").attr(hash).raw("\">").text(hash.length() > 12 ? hash.substring(0, 12) : hash)
                .raw("</code>");
    }

    /** "1 revision", "2 revisions". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
