package dev.strata.cli.check;

import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.MigrationPair;
import dev.strata.events.json.HistoryProblem;
import dev.strata.events.json.HistoryVerifier;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code history}: revision numbers are contiguous, the hash chain is intact, there is one head; for
 * every folder, versions are unique and every downgrade has its upgrade.
 */
public final class HistoryCheck implements Check {

    public static final String NAME = "history";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> out = new ArrayList<>();
        for (HistoryProblem p : HistoryVerifier.verify(context.revisions(), context.eventsFolder(), context.computedHashes())) {
            out.add(Finding.error(NAME, p.revision(), p.file(), p.message(), p.hint()));
        }
        twoHeads(context, out);
        MigrationFolder folder = context.migrations();
        for (MigrationFolder.Problem p : folder.problems()) {
            out.add(Finding.error(NAME, p.version(), p.file(), p.message(), p.hint()));
        }
        if (context.hasEvents()) {
            for (MigrationPair pair : folder.pairs()) {
                if (pair.version() > context.revisions().size()) {
                    out.add(Finding.error(NAME, pair.version(), pair.up().file(), pair.up().file()
                            + " has no revision: the events end at revision " + context.revisions().size(),
                            "record the change as a revision with `strata revision`, which writes the V/U files"));
                }
            }
        }
        return out;
    }

    /**
     * The branch and its target each added revisions after their common ones: merged, the history
     * would have two heads, so the branch's must be renumbered onto the target's.
     */
    private static void twoHeads(CheckContext context, List<Finding> out) {
        List<dev.strata.events.Revision> target = context.target();
        if (target == null) {
            return;
        }
        List<dev.strata.events.Revision> ours = context.revisions();
        int common = 0;
        while (common < Math.min(ours.size(), target.size()) && ours.get(common).hash() != null
                && ours.get(common).hash().equals(target.get(common).hash())) {
            common++;
        }
        if (common < ours.size() && common < target.size()) {
            dev.strata.events.Revision mine = ours.get(common);
            dev.strata.events.Revision theirs = target.get(common);
            out.add(Finding.error(NAME, mine.number(), context.eventsFolder() + "/" + mine.eventFileName(), "two heads: revision "
                    + mine.number() + " is " + mine.label() + " on this branch but " + theirs.label() + " on " + context.targetName()
                    + "; both follow revision " + common,
                    "renumber this branch's revisions " + mine.number() + ".." + ours.size() + " after revision " + target.size()
                            + " of " + context.targetName() + " with `strata rebase " + context.targetName() + "`, then push"));
        }
    }
}
