package dev.strata.cli.report;

import dev.strata.cli.check.CheckReport;
import dev.strata.cli.check.CheckResult;
import dev.strata.cli.check.Finding;
import dev.strata.cli.check.RevisionStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML for CI test reporters: one test suite per check, one test case per check and revision
 * (plus one for the check as a whole), a failure per error finding.
 */
public final class JunitReport implements CheckReportFormat {

    @Override
    public String render(CheckReport report) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long failures = report.findings().stream().filter(f -> f.fails(report.strict())).count();
        out.append("<testsuites name=\"strata check\" tests=\"").append(report.checks().size())
                .append("\" failures=\"").append(failures).append("\">\n");
        for (CheckResult c : report.checks()) {
            Map<String, List<Finding>> cases = new LinkedHashMap<>();
            cases.put(c.name(), new ArrayList<>());
            for (Finding f : c.findings()) {
                String key = f.revision() == null ? c.name() : c.name() + " revision " + f.revision();
                cases.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            }
            long suiteFailures = c.findings().stream().filter(f -> f.fails(report.strict())).count();
            out.append("  <testsuite name=\"").append(esc(c.name())).append("\" tests=\"").append(cases.size())
                    .append("\" failures=\"").append(suiteFailures).append("\" skipped=\"").append(c.skipped() ? cases.size() : 0)
                    .append("\" time=\"").append(String.format(Locale.ROOT, "%.3f", c.millis() / 1000.0)).append("\">\n");
            for (Map.Entry<String, List<Finding>> e : cases.entrySet()) {
                out.append("    <testcase classname=\"strata.").append(esc(c.name())).append("\" name=\"").append(esc(e.getKey())).append("\"");
                List<Finding> failing = e.getValue().stream().filter(f -> f.fails(report.strict())).toList();
                if (!c.skipped() && failing.isEmpty() && e.getValue().isEmpty()) {
                    out.append("/>\n");
                    continue;
                }
                out.append(">\n");
                if (c.skipped()) {
                    out.append("      <skipped message=\"skipped with --skip\"/>\n");
                }
                for (Finding f : failing) {
                    out.append("      <failure message=\"").append(esc(f.message())).append("\" type=\"").append(esc(f.check()))
                            .append("\">").append(esc(detail(f))).append("</failure>\n");
                }
                List<Finding> notes = e.getValue().stream().filter(f -> !f.fails(report.strict())).toList();
                if (!notes.isEmpty()) {
                    out.append("      <system-out>");
                    notes.forEach(f -> out.append(esc(f.severity().name().toLowerCase(Locale.ROOT) + ": " + detail(f))).append('\n'));
                    out.append("</system-out>\n");
                }
                out.append("    </testcase>\n");
            }
            out.append("  </testsuite>\n");
        }
        coverage(report, out);
        return out.append("</testsuites>\n").toString();
    }

    /** One test case per version, skipped when it could not be checked, so a test reporter shows what was not. */
    private static void coverage(CheckReport report, StringBuilder out) {
        long skipped = report.revisions().size() - report.checkedCount();
        out.append("  <testsuite name=\"coverage\" tests=\"").append(report.revisions().size()).append("\" failures=\"0\" skipped=\"")
                .append(skipped).append("\">\n");
        for (RevisionStatus r : report.revisions()) {
            out.append("    <testcase classname=\"strata.coverage\" name=\"version ").append(r.version()).append(' ')
                    .append(r.status().label()).append('"');
            if (r.reason() == null) {
                out.append("/>\n");
            } else {
                out.append("><skipped message=\"").append(esc("not checked: " + r.reason())).append("\"/></testcase>\n");
            }
        }
        out.append("    <system-out>").append(esc(report.coverage())).append("</system-out>\n  </testsuite>\n");
    }

    private static String detail(Finding f) {
        return f.message() + (f.file() == null ? "" : "\nat " + f.file() + (f.line() == null ? "" : ":" + f.line()))
                + (f.hint() == null ? "" : "\nfix: " + f.hint());
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') {
                        out.append(' ');
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
