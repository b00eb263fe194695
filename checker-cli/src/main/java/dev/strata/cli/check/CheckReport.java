package dev.strata.cli.check;

import java.util.List;

/** The outcome of {@code strata check}: every check's result, all findings, and whether it passed. */
public record CheckReport(String subject, List<CheckResult> checks, boolean strict, List<Change> changes) {

    /** A revision this pull request adds, for the Markdown report: its SQL and the tables it touches as Mermaid. */
    public record Change(String label, String upFile, String upSql, String downFile, String downSql, String erDiagram) {
    }

    public CheckReport {
        checks = List.copyOf(checks);
        changes = List.copyOf(changes);
    }

    public boolean passed() {
        return checks.stream().allMatch(CheckResult::passed);
    }

    public List<Finding> findings() {
        return checks.stream().flatMap(c -> c.findings().stream()).toList();
    }
}
