package dev.strata.cli.project;

import java.util.List;

/**
 * A migration history as read from a tool's files (see {@code dev.strata.cli.layout}): the pairs in the
 * tool's order, and the problems that still leave the folder usable (a downgrade without its upgrade, two
 * files for one version), collected rather than thrown.
 */
public record MigrationFolder(String shownAs, List<MigrationPair> pairs, List<Problem> problems) {

    /** Something wrong with the folder's files. */
    public record Problem(String file, Integer version, String message, String hint) {
    }

    public MigrationFolder {
        pairs = List.copyOf(pairs);
        problems = List.copyOf(problems);
    }
}
