package dev.strata.cli.check;

import dev.strata.events.Revision;
import dev.strata.events.json.RevisionCodec;

import java.util.ArrayList;
import java.util.List;
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
        List<Finding> out = new ArrayList<>();
        if (context.base() == null) {
            return out;
        }
        List<Revision> current = context.revisions();
        for (Revision was : context.base()) {
            String file = context.eventsFolder() + "/" + was.eventFileName();
            if (was.number() > current.size()) {
                out.add(Finding.error(NAME, was.number(), file, "revision " + was.label() + " exists on the base but was removed", HINT));
                continue;
            }
            Revision now = current.get(was.number() - 1);
            if (!Objects.equals(was.hash(), now.hash()) || !RevisionCodec.write(was).equals(RevisionCodec.write(now))) {
                out.add(Finding.error(NAME, was.number(), context.eventsFolder() + "/" + now.eventFileName(), "revision "
                        + was.label() + " was changed since the base: " + whatChanged(was, now), HINT));
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
