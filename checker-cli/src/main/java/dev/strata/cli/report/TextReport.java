package dev.strata.cli.report;

import dev.strata.cli.check.CheckReport;
import dev.strata.cli.check.CheckResult;
import dev.strata.cli.check.Finding;

import java.util.Locale;

/** The report for people: one line per check, then each finding with where and what to do. */
public final class TextReport implements CheckReportFormat {

    @Override
    public String render(CheckReport report) {
        StringBuilder out = new StringBuilder();
        out.append("strata check").append(report.subject() == null ? "" : " " + report.subject()).append('\n');
        for (CheckResult c : report.checks()) {
            String status = c.skipped() ? "skipped" : c.passed() ? "passed" : "FAILED";
            long errors = c.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
            long warnings = c.findings().stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
            out.append(String.format(Locale.ROOT, "  %-14s %-8s", c.name(), status));
            if (errors + warnings > 0) {
                out.append(" ").append(errors).append(errors == 1 ? " error" : " errors")
                        .append(", ").append(warnings).append(warnings == 1 ? " warning" : " warnings");
            }
            out.append('\n');
        }
        for (Finding f : report.findings()) {
            out.append('\n').append(f.severity().name().toLowerCase(Locale.ROOT)).append(" [").append(f.check()).append("]");
            if (f.revision() != null) {
                out.append(" revision ").append(f.revision());
            }
            out.append(": ").append(f.message()).append('\n');
            if (f.file() != null) {
                out.append("  at ").append(f.file()).append(f.line() == null ? "" : ":" + f.line()).append('\n');
            }
            if (f.hint() != null) {
                out.append("  fix: ").append(f.hint()).append('\n');
            }
        }
        long errors = count(report, Finding.Severity.ERROR);
        long warnings = count(report, Finding.Severity.WARNING);
        out.append('\n').append(report.coverage()).append('\n');
        out.append(report.passed() ? "passed" : "failed").append(": ")
                .append(errors).append(errors == 1 ? " error, " : " errors, ")
                .append(warnings).append(warnings == 1 ? " warning" : " warnings")
                .append(report.strict() ? " (strict: warnings fail)" : "").append('\n');
        return out.toString();
    }

    static long count(CheckReport r, Finding.Severity s) {
        return r.findings().stream().filter(f -> f.severity() == s).count();
    }
}
