package dev.strata.cli.command;

import dev.strata.cli.project.InvalidInputException;
import dev.strata.events.Revision;

import java.util.List;

/** Turns {@code head}, {@code base}, a number or a slug into a revision number. */
final class RevisionSelector {

    private RevisionSelector() {
    }

    static int resolve(String option, String value, List<Revision> revisions) {
        if (value == null || value.equals("head")) {
            return revisions.size();
        }
        if (value.equals("base")) {
            return 0;
        }
        if (value.matches("\\d+")) {
            int n = Integer.parseInt(value);
            if (n > revisions.size()) {
                throw new InvalidInputException(option + " " + value + ": no such revision; the history has revisions 1 to "
                        + revisions.size());
            }
            return n;
        }
        return bySlug(option + " " + value, value, revisions, "give a number, a slug, head or base");
    }

    /** The one revision with this slug; several are an error that lists them, none an error that says what to give. */
    static int bySlug(String shown, String slug, List<Revision> revisions, String give) {
        List<Revision> named = revisions.stream().filter(r -> r.slug().equals(slug)).toList();
        if (named.isEmpty()) {
            throw new InvalidInputException(shown + ": no such revision; " + give);
        }
        if (named.size() > 1) {
            throw new InvalidInputException(shown + " is ambiguous: " + named.size() + " revisions have this slug: "
                    + String.join(", ", named.stream().map(r -> r.label() + " \"" + r.message() + "\"").toList())
                    + "; nothing was changed. Give the revision's number instead");
        }
        return named.get(0).number();
    }
}
