package dev.strata.cli.report;

import dev.strata.cli.check.CheckReport;

/** One output format of {@code strata check}. */
public interface CheckReportFormat {

    /** The report as text for people or tools. */
    String render(CheckReport report);
}
