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
        return revisions.stream().filter(r -> r.slug().equals(value)).mapToInt(Revision::number).findFirst()
                .orElseThrow(() -> new InvalidInputException(option + " " + value
                        + ": no such revision; give a number, a slug, head or base"));
    }
}
