package dev.strata.cli.check;

import java.util.ArrayList;
import java.util.List;

/** Runs the checks in their documented order, each to completion, and collects one report. */
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
        List<CheckResult> results = new ArrayList<>();
        boolean strict = context.options().strict();
        for (Check check : all()) {
            if (context.options().skipped().contains(check.name())) {
                results.add(new CheckResult(check.name(), true, true, List.of(), 0));
                continue;
            }
            long start = System.nanoTime();
            List<Finding> findings = check.run(context);
            boolean passed = findings.stream().noneMatch(f -> f.fails(strict));
            results.add(new CheckResult(check.name(), passed, false, findings, (System.nanoTime() - start) / 1_000_000));
        }
        return new CheckReport(subject, results, strict, changes);
    }
}
