package dev.strata.cli.check;

import dev.strata.cli.project.MigrationPair;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs the checks in their documented order, each to completion, and collects one report. The walk
 * over the history, which several checks read, runs first as a step of its own, so each check's time is its own.
 */
public final class CheckRunner {

    /** Every check, in the order they run and are reported. */
    public static List<Check> all() {
        return List.of(new HistoryCheck(), new ImmutabilityCheck(), new ProjectionCheck(), new ReversibilityCheck(),
                new DataCheck(), new ModelsCheck(), new LintCheck());
    }

    public static List<String> names() {
        return all().stream().map(Check::name).toList();
    }

    private CheckRunner() {
    }

    public static CheckReport run(String subject, CheckContext context, List<CheckReport.Change> changes) {
        Set<String> skipped = context.options().skipped();
        boolean walks = !skipped.contains(HistoryWalk.REVERSIBILITY) || !skipped.contains(HistoryWalk.DATA);
        long start = System.nanoTime();
        HistoryWalk walk = walks ? context.walk() : null;
        long walkMillis = (System.nanoTime() - start) / 1_000_000;
        List<CheckResult> results = new ArrayList<>();
        boolean strict = context.options().strict();
        for (Check check : all()) {
            if (skipped.contains(check.name())) {
                results.add(new CheckResult(check.name(), true, true, List.of(), 0));
                continue;
            }
            start = System.nanoTime();
            List<Finding> findings = check.run(context);
            boolean passed = findings.stream().noneMatch(f -> f.fails(strict));
            results.add(new CheckResult(check.name(), passed, false, findings, (System.nanoTime() - start) / 1_000_000));
        }
        return new CheckReport(subject, results, strict, changes, statuses(context, walk, results), walkMillis,
                walk == null ? 0 : walk.fromCache());
    }

    /** Each version's status from the findings about it; after the walk stopped, not checked. */
    private static List<RevisionStatus> statuses(CheckContext context, HistoryWalk walk, List<CheckResult> results) {
        List<RevisionStatus> out = new ArrayList<>();
        List<Finding> findings = results.stream().flatMap(r -> r.findings().stream()).toList();
        for (MigrationPair pair : context.migrations().pairs()) {
            String down = pair.down() == null ? null : pair.down().file();
            String reason = walk == null ? "the reversibility and data checks were skipped"
                    : walk.stoppedAt() != null && pair.version() > walk.stoppedAt() ? walk.stopReason() : null;
            if (reason != null) {
                out.add(new RevisionStatus(pair.version(), pair.up().file(), down, RevisionStatus.Status.NOT_CHECKED, reason));
                continue;
            }
            List<Finding> about = findings.stream().filter(f -> f.revision() != null && f.revision() == pair.version()).toList();
            RevisionStatus.Status status = about.stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR)
                    ? RevisionStatus.Status.FAILED
                    : about.stream().anyMatch(f -> f.severity() == Finding.Severity.WARNING)
                    ? RevisionStatus.Status.WARNING : RevisionStatus.Status.PASSED;
            out.add(new RevisionStatus(pair.version(), pair.up().file(), down, status, null));
        }
        return out;
    }
}
