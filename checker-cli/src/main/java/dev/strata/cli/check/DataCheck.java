package dev.strata.cli.check;

import java.util.List;

/**
 * {@code data}: rows seeded before a revision survive its up and down. Undoing a dropped table or
 * column cannot bring its values back: that is a lossy warning, not an error.
 */
public final class DataCheck implements Check {

    @Override
    public String name() {
        return HistoryWalk.DATA;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        return context.walk().data();
    }
}
