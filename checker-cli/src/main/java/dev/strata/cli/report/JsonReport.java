package dev.strata.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.cli.check.CheckReport;
import dev.strata.cli.check.CheckResult;
import dev.strata.cli.check.Finding;
import dev.strata.cli.check.RevisionStatus;


/**
 * The report for tools: {@code passed}, {@code checks[{name, passed, ...}]}, {@code coverage},
 * {@code revisions[{version, up, down, status, reason}]}, {@code findings[{check, severity, revision, file, message, hint}]}.
 */
public final class JsonReport implements CheckReportFormat {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String render(CheckReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("subject", report.subject());
        root.put("passed", report.passed());
        root.put("strict", report.strict());
        ArrayNode checks = root.putArray("checks");
        for (CheckResult c : report.checks()) {
            ObjectNode o = checks.addObject();
            o.put("name", c.name());
            o.put("passed", c.passed());
            o.put("skipped", c.skipped());
            o.put("errors", c.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).count());
            o.put("warnings", c.findings().stream().filter(f -> f.severity() == Finding.Severity.WARNING).count());
            o.put("millis", c.millis());
        }
        root.put("coverage", report.coverage());
        root.put("walkMillis", report.walkMillis());
        root.put("walkFromCache", report.fromCache());
        ArrayNode revisions = root.putArray("revisions");
        for (RevisionStatus r : report.revisions()) {
            ObjectNode o = revisions.addObject();
            o.put("version", r.version());
            o.put("up", r.upFile());
            o.put("down", r.downFile());
            o.put("status", r.status().label());
            if (r.reason() != null) {
                o.put("reason", r.reason());
            }
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            f.writeTo(findings.addObject());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing the JSON report: " + e.getMessage(), e);
        }
    }
}
