package dev.strata.cli.check;

import java.util.List;

/** One check's outcome: its findings, whether it passed, whether it was skipped, and how long it took. */
public record CheckResult(String name, boolean passed, boolean skipped, List<Finding> findings, long millis) {

    public CheckResult {
        findings = List.copyOf(findings);
    }
}
