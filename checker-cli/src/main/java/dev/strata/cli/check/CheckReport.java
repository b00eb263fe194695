package dev.strata.cli.check;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of {@code strata check}: every check's result, all findings, each version's status, and
 * whether it passed.
 *
 * @param walkMillis the time of the walk over the history that the reversibility, data and models checks share
 * @param fromCache how many revisions' round trips an earlier check made, taken from the cache
 */
public record CheckReport(String subject, List<CheckResult> checks, boolean strict, List<Change> changes,
                          List<RevisionStatus> revisions, long walkMillis, int fromCache) {

    /** A revision this pull request adds, for the Markdown report: its SQL and the tables it touches as Mermaid. */
    public record Change(String label, String upFile, String upSql, String downFile, String downSql, String erDiagram) {
    }

    public CheckReport {
        checks = List.copyOf(checks);
        changes = List.copyOf(changes);
        revisions = List.copyOf(revisions);
    }

    public boolean passed() {
        return checks.stream().allMatch(CheckResult::passed);
    }

    public List<Finding> findings() {
        return checks.stream().flatMap(c -> c.findings().stream()).toList();
    }

    public long checkedCount() {
        return revisions.stream().filter(r -> r.status() != RevisionStatus.Status.NOT_CHECKED).count();
    }

    /**
     * One line on how much was checked: {@code checked 118 of 120 revisions; not checked: 119-120 (why)}.
     */
    public String coverage() {
        long checked = checkedCount();
        StringBuilder out = new StringBuilder("checked ").append(checked).append(" of ").append(revisions.size())
                .append(revisions.size() == 1 ? " revision" : " revisions");
        List<RevisionStatus> not = revisions.stream().filter(r -> r.status() == RevisionStatus.Status.NOT_CHECKED).toList();
        if (!not.isEmpty()) {
            out.append("; not checked: ").append(ranges(not.stream().map(RevisionStatus::version).toList()))
                    .append(" (").append(not.get(0).reason()).append(')');
        }
        if (fromCache > 0) {
            out.append("; ").append(fromCache).append(" as an earlier check found them (from the cache)");
        }
        return out.toString();
    }

    /** {@code 3, 5-9, 12}: versions as runs. */
    static String ranges(List<Integer> versions) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            int first = versions.get(i);
            int last = first;
            while (i + 1 < versions.size() && versions.get(i + 1) == last + 1) {
                last = versions.get(++i);
            }
            parts.add(first == last ? String.valueOf(first) : first + "-" + last);
        }
        return String.join(", ", parts);
    }
}
