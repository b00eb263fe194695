package dev.strata.cli.report;

import dev.strata.cli.check.CheckReport;
import dev.strata.cli.check.Finding;

/**
 * GitHub Actions workflow commands: one {@code ::error} or {@code ::warning} annotation per finding,
 * on the file and line it names. The Markdown step summary is {@link MarkdownReport}.
 */
public final class GithubReport implements CheckReportFormat {

    @Override
    public String render(CheckReport report) {
        StringBuilder out = new StringBuilder();
        for (Finding f : report.findings()) {
            if (f.severity() == Finding.Severity.INFO) {
                out.append("::notice");
            } else {
                out.append(f.fails(report.strict()) ? "::error" : "::warning");
            }
            StringBuilder props = new StringBuilder();
            if (f.file() != null) {
                props.append("file=").append(property(f.file()));
                props.append(",line=").append(f.line() == null ? 1 : f.line());
            }
            props.append(props.length() > 0 ? "," : "").append("title=").append(property("strata " + f.check()
                    + (f.revision() == null ? "" : " (revision " + f.revision() + ")")));
            out.append(' ').append(props).append("::").append(data(f.message() + (f.hint() == null ? "" : "\nfix: " + f.hint())))
                    .append('\n');
        }
        if (report.checkedCount() < report.revisions().size()) {
            out.append("::warning title=strata coverage::").append(data(report.coverage())).append('\n');
        }
        out.append(report.passed() ? "strata check passed" : "strata check failed").append(": ").append(report.coverage()).append('\n');
        return out.toString();
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
