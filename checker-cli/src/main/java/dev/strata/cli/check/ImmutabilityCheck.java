package dev.strata.cli.check;

import dev.strata.events.Revision;
import dev.strata.events.json.RevisionCodec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code immutability}: no revision present on the base (the target branch, or a released tag) was
 * changed, renamed or removed.
 */
public final class ImmutabilityCheck implements Check {

    public static final String NAME = "immutability";
    private static final String HINT = "recorded revisions are never edited: restore the file from the base and"
            + " record the change as a new revision";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        if (context.base() == null) {
            return new ArrayList<>();
        }
        return changes(context.base(), context.revisions(), context.eventsFolder(), null);
    }

    /**
     * A finding for every revision of {@code base} that {@code current} removed or changed (by content, not by the
     * hash stored in the file, which an edit keeps).
     *
     * @param releasedIn how the base is named in messages ({@code released in v0.2.0}), or null for "the base"
     */
    public static List<Finding> changes(List<Revision> base, List<Revision> current, String eventsFolder, String releasedIn) {
        List<Finding> out = new ArrayList<>();
        Map<Integer, Revision> byNumber = new HashMap<>();
        current.forEach(r -> byNumber.putIfAbsent(r.number(), r));
        for (Revision was : base) {
            String file = eventsFolder + "/" + was.eventFileName();
            Revision now = byNumber.get(was.number());
            if (now == null) {
                out.add(Finding.error(NAME, was.number(), file, "revision " + was.label()
                        + (releasedIn == null ? " exists on the base but was removed" : " " + releasedIn + " was removed"), HINT));
                continue;
            }
            if (!Objects.equals(was.hash(), now.hash()) || !RevisionCodec.write(was).equals(RevisionCodec.write(now))) {
                out.add(Finding.error(NAME, was.number(), eventsFolder + "/" + now.eventFileName(), "revision " + was.label()
                        + (releasedIn == null ? " was changed since the base: " : " " + releasedIn + " was changed: ")
                        + whatChanged(was, now), HINT));
            }
        }
        return out;
    }

    private static String whatChanged(Revision a, Revision b) {
        List<String> parts = new ArrayList<>();
        if (!a.slug().equals(b.slug())) {
            parts.add("slug " + a.slug() + " -> " + b.slug());
        }
        if (!a.message().equals(b.message())) {
            parts.add("message");
        }
        if (!a.author().equals(b.author()) || !a.timestamp().equals(b.timestamp())) {
            parts.add("author or time");
        }
        if (!Objects.equals(a.parent(), b.parent())) {
            parts.add("parent");
        }
        if (!a.events().equals(b.events())) {
            int n = Math.min(a.events().size(), b.events().size());
            int first = 0;
            while (first < n && a.events().get(first).equals(b.events().get(first))) {
                first++;
            }
            parts.add("events (first at event " + (first + 1) + ": "
                    + (first < a.events().size() ? a.events().get(first).describe() : "none") + " -> "
                    + (first < b.events().size() ? b.events().get(first).describe() : "none") + ")");
        }
        if (parts.isEmpty()) {
            parts.add("hash " + a.hash() + " -> " + b.hash());
        }
        return String.join(", ", parts);
    }
}
