package dev.strata.events.json;

import dev.strata.events.Revision;

import java.util.ArrayList;
import java.util.List;

/**
 * Verifies a history read from disk: numbers 1..n without gaps, each parent equal to the previous
 * revision's hash, each stored hash equal to the recomputed one. Reports every problem, not just
 * the first.
 */
public final class HistoryVerifier {

    private HistoryVerifier() {
    }

    /** @param revisions sorted by number */
    public static List<HistoryProblem> verify(List<Revision> revisions, String folder) {
        return verify(revisions, folder, RevisionHasher.hashes(revisions));
    }

    /**
     * @param revisions sorted by number
     * @param computed each revision's hash as {@link RevisionHasher#hash} computes it, in the same order
     */
    public static List<HistoryProblem> verify(List<Revision> revisions, String folder, List<String> computed) {
        if (computed.size() != revisions.size()) {
            throw new IllegalArgumentException(computed.size() + " hashes for " + revisions.size() + " revisions");
        }
        List<HistoryProblem> out = new ArrayList<>();
        Revision previous = null;
        for (int i = 0; i < revisions.size(); i++) {
            Revision r = revisions.get(i);
            String file = folder + "/" + r.eventFileName();
            int expected = previous == null ? 1 : previous.number() + 1;
            if (r.number() > expected) {
                String missing = r.number() == expected + 1 ? "revision " + expected : "revisions " + expected + " to " + (r.number() - 1);
                out.add(new HistoryProblem(file, r.number(), "a gap: " + missing + " missing between "
                        + (previous == null ? "the start" : folder + "/" + previous.eventFileName()) + " and " + file,
                        "numbers must run 1, 2, 3... without gaps: restore the missing revision file from git"
                                + " (git log --diff-filter=D -- " + folder + ")"));
            } else if (r.number() != expected) {
                out.add(new HistoryProblem(file, r.number(), "revision " + r.number() + " follows revision "
                        + (previous == null ? "none" : String.valueOf(previous.number())) + "; expected revision " + expected,
                        "numbers must run 1, 2, 3... without gaps or repeats: renumber this branch's new revisions onto the head"
                                + " with `strata rebase`"));
            }
            if (r.hash() == null) {
                out.add(new HistoryProblem(file, r.number(), "the revision has no hash",
                        "record revisions with `strata revision`, which seals them"));
            } else {
                String actual = computed.get(i);
                if (!actual.equals(r.hash())) {
                    out.add(new HistoryProblem(file, r.number(), "hash does not match the contents: stored " + r.hash()
                            + ", computed " + actual, "the file was edited after it was recorded: restore it from git"
                            + " and record the change as a new revision"));
                }
            }
            if (previous != null && r.number() > 1 && previous.hash() != null && !previous.hash().equals(r.parent())) {
                out.add(new HistoryProblem(file, r.number(), "parent " + r.parent() + " is not the hash of revision "
                        + previous.label() + " (" + previous.hash() + ")",
                        "the chain is broken: a revision before it changed or was replaced; restore it from git"));
            }
            previous = r;
        }
        return out;
    }
}
