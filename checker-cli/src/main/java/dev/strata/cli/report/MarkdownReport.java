package dev.strata.cli.report;

import dev.strata.cli.check.CheckReport;
import dev.strata.cli.check.CheckResult;
import dev.strata.cli.check.Finding;

import java.util.Locale;

/**
 * A pull-request comment (also the GitHub step summary): the checks as a table, the findings, and
 * for each new revision its SQL and a Mermaid ER diagram of the tables it touches.
 */
public final class MarkdownReport implements CheckReportFormat {

    @Override
    public String render(CheckReport report) {
        StringBuilder out = new StringBuilder();
        out.append("## Strata check ").append(report.passed() ? "passed" : "failed")
                .append(report.subject() == null ? "" : ": `" + report.subject() + "`").append("\n\n");
        out.append(escape(report.coverage())).append("\n\n");
        out.append("| check | result | errors | warnings |\n|---|---|---|---|\n");
        for (CheckResult c : report.checks()) {
            out.append("| `").append(c.name()).append("` | ").append(c.skipped() ? "skipped" : c.passed() ? "passed" : "**failed**")
                    .append(" | ").append(c.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).count())
                    .append(" | ").append(c.findings().stream().filter(f -> f.severity() == Finding.Severity.WARNING).count())
                    .append(" |\n");
        }
        if (!report.findings().isEmpty()) {
            out.append("\n### Findings\n\n");
            for (Finding f : report.findings()) {
                out.append("- **").append(f.severity().name().toLowerCase(Locale.ROOT)).append("** `").append(f.check()).append('`');
                if (f.revision() != null) {
                    out.append(" revision ").append(f.revision());
                }
                out.append(": ").append(escape(f.message()));
                if (f.file() != null) {
                    out.append(" (`").append(f.file()).append(f.line() == null ? "" : ":" + f.line()).append("`)");
                }
                if (f.hint() != null) {
                    out.append("<br>fix: ").append(escape(f.hint()));
                }
                out.append('\n');
            }
        }
        for (CheckReport.Change c : report.changes()) {
            out.append("\n### ").append(escape(c.label())).append("\n\n");
            out.append("<details><summary>upgrade <code>").append(c.upFile()).append("</code></summary>\n\n```sql\n")
                    .append(c.upSql()).append("```\n</details>\n\n");
            if (c.downFile() != null) {
                out.append("<details><summary>downgrade <code>").append(c.downFile()).append("</code></summary>\n\n```sql\n")
                        .append(c.downSql()).append("```\n</details>\n\n");
            }
            if (c.erDiagram() != null && !c.erDiagram().isBlank()) {
                out.append("```mermaid\n").append(c.erDiagram()).append("```\n");
            }
        }
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
