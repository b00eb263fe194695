package dev.strata.cli.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** strata check on a project with events: the example passes, and edits to it fail the right checks. */
class EventProjectCheckTest {

    @TempDir
    Path dir;

    private static JsonNode json(Cli cli) throws Exception {
        return new ObjectMapper().readTree(cli.out());
    }

    private static boolean has(JsonNode report, String check, int revision, String text) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("check").asText().equals(check) && f.get("revision").asInt() == revision && f.get("message").asText().contains(text)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void the_stock_analyzer_example_passes_every_check() throws Exception {
        Cli cli = Cli.run("-C", ExampleProject.SOURCE.toString(), "check", "--format", "json");

        JsonNode report = json(cli);
        assertEquals(0, cli.exit(), cli.toString());
        assertEquals(7, report.get("checks").size());
        report.get("checks").forEach(c -> assertTrue(c.get("passed").asBoolean(), c.toString()));
    }

    @Test
    void a_hand_edited_downgrade_fails_projection_and_reversibility() throws Exception {
        Path p = ExampleProject.copyTo(dir);
        Path u6 = Files.list(p.resolve("db/migration")).filter(f -> f.getFileName().toString().startsWith("U6__")).findFirst().orElseThrow();
        Files.writeString(u6, Files.readString(u6).replace("DROP INDEX \"ix_daily_prices_date\";\n", ""));

        Cli cli = Cli.run("-C", p.toString(), "check", "--format", "json");

        JsonNode report = json(cli);
        assertEquals(1, cli.exit(), cli.toString());
        assertTrue(has(report, "projection", 6, "differs from what revision 6"), cli.out());
        assertTrue(has(report, "reversibility", 6, "index ix_daily_prices_date is in the schema after U6__"), cli.out());
        Cli skipped = Cli.run("-C", p.toString(), "check", "--format", "json", "--skip", "projection,reversibility");
        assertEquals(0, skipped.exit(), "both failing checks skipped: " + skipped);
    }

    @Test
    void a_revision_changed_since_the_base_fails_immutability() throws Exception {
        Path base = ExampleProject.copyTo(dir.resolve("base")).resolve("schema/events");
        Path p = ExampleProject.copyTo(dir.resolve("pr"));
        Path r3 = p.resolve("schema/events/0003-create-watchlists.json");
        Files.writeString(r3, Files.readString(r3).replace("Create watchlists", "Create watch lists"));

        Cli cli = Cli.run("-C", p.toString(), "check", "--format", "json", "--base-dir", base.toString());

        JsonNode report = json(cli);
        assertEquals(1, cli.exit(), cli.toString());
        assertTrue(has(report, "immutability", 3, "revision 3 (create-watchlists) was changed since the base: message"), cli.out());
        assertTrue(has(report, "history", 3, "hash does not match the contents"), cli.out());
    }

    @Test
    void a_revision_removed_since_the_base_fails_immutability() throws Exception {
        Path base = ExampleProject.copyTo(dir.resolve("base")).resolve("schema/events");
        Path p = ExampleProject.copyTo(dir.resolve("pr"));
        Files.delete(p.resolve("schema/events/0012-add-latest-prices-view.json"));
        Files.delete(p.resolve("db/migration/V12__add_latest_prices_view.sql"));
        Files.delete(p.resolve("db/migration/U12__add_latest_prices_view.sql"));

        Cli cli = Cli.run("-C", p.toString(), "check", "--format", "json", "--base-dir", base.toString());

        assertEquals(1, cli.exit(), cli.toString());
        assertEquals(List.of("revision 12 (add-latest-prices-view) exists on the base but was removed"), messages(cli, "immutability"));
    }

    @Test
    void a_revision_renamed_since_the_base_fails_immutability() throws Exception {
        Path base = ExampleProject.copyTo(dir.resolve("base")).resolve("schema/events");
        Path p = ExampleProject.copyTo(dir.resolve("pr"));
        Path r12 = p.resolve("schema/events/0012-add-latest-prices-view.json");
        Files.writeString(p.resolve("schema/events/0012-latest-prices-view.json"),
                Files.readString(r12).replace("\"slug\": \"add-latest-prices-view\"", "\"slug\": \"latest-prices-view\""));
        Files.delete(r12);

        Cli cli = Cli.run("-C", p.toString(), "check", "--format", "json", "--base-dir", base.toString());

        assertEquals(1, cli.exit(), cli.toString());
        assertEquals(List.of("revision 12 (add-latest-prices-view) was changed since the base: slug add-latest-prices-view"
                + " -> latest-prices-view"), messages(cli, "immutability"));
    }

    @Test
    void a_missing_sql_conf_fails_projection_naming_the_file_it_needs() throws Exception {
        Path p = ExampleProject.copyTo(dir);
        Files.delete(p.resolve("db/migration/V11__link_companies_to_industries.sql.conf"));

        Cli cli = Cli.run("-C", p.toString(), "check", "--format", "json");

        assertEquals(1, cli.exit(), cli.toString());
        assertEquals(List.of("db/migration/V11__link_companies_to_industries.sql needs V11__link_companies_to_industries.sql.conf"
                + " with executeInTransaction=false, so stock Flyway runs it outside a transaction"), messages(cli, "projection"));
    }

    @Test
    void an_extra_sql_conf_fails_projection_naming_the_migration_it_takes_out_of_its_transaction() throws Exception {
        Path p = ExampleProject.copyTo(dir);
        Files.writeString(p.resolve("db/migration/V5__add_industry_code_to_companies_table.sql.conf"), "executeInTransaction=false\n");

        Cli cli = Cli.run("-C", p.toString(), "check", "--format", "json");

        assertEquals(1, cli.exit(), cli.toString());
        assertEquals(List.of("db/migration/V5__add_industry_code_to_companies_table.sql must run in Flyway's transaction,"
                + " but a .conf file says executeInTransaction=false"), messages(cli, "projection"));
    }

    private static List<String> messages(Cli cli, String check) throws Exception {
        List<String> out = new ArrayList<>();
        json(cli).get("findings").forEach(f -> {
            if (f.get("check").asText().equals(check)) {
                out.add(f.get("message").asText());
            }
        });
        return out;
    }

    @Test
    void models_ahead_of_the_migrations_by_a_column_and_an_index_fail_with_a_hint_to_autogenerate() throws Exception {
        Path p = ExampleProject.copyTo(dir);
        Path models = p.resolve("schema/models.yaml");
        Files.writeString(models, Files.readString(models).replace("      industry_code: TEXT\n", "      industry_code: TEXT\n      country: TEXT\n")
                .replace("views:\n", "  ix_companies_sector:\n    table: companies\n    columns: [sector]\nviews:\n"));

        Cli cli = Cli.run("-C", p.toString(), "check", "--format", "json", "--skip", "lint");

        JsonNode report = json(cli);
        assertEquals(1, cli.exit(), cli.toString());
        JsonNode finding = report.get("findings").get(0);
        assertEquals("table companies: column country is in the models but not in the migrations", finding.get("message").asText());
        assertEquals("index ix_companies_sector is in the models but not in the migrations",
                report.get("findings").get(1).get("message").asText());
        assertTrue(finding.get("hint").asText().contains("strata revision --autogenerate"));
        assertEquals("true", report.get("checks").get(6).get("skipped").asText());
    }

    @Test
    void junit_and_github_formats_name_the_failing_check_and_file() throws Exception {
        Path p = ExampleProject.copyTo(dir);
        Path u6 = Files.list(p.resolve("db/migration")).filter(f -> f.getFileName().toString().startsWith("U6__")).findFirst().orElseThrow();
        Files.writeString(u6, Files.readString(u6).replace("DROP INDEX \"ix_daily_prices_date\";\n", ""));

        Cli junit = Cli.run("-C", p.toString(), "check", "--format", "junit", "--output", dir.resolve("report.xml").toString());
        Cli github = Cli.run("-C", p.toString(), "check", "--format", "github");

        String xml = Files.readString(dir.resolve("report.xml"));
        assertEquals(1, junit.exit());
        assertTrue(xml.contains("<testcase classname=\"strata.reversibility\" name=\"reversibility revision 6\">"), xml);
        assertTrue(xml.contains("<failure message="), xml);
        assertTrue(github.out().lines().anyMatch(l -> l.startsWith("::error file=db/migration/U6__")
                && l.contains("title=strata reversibility (revision 6)::")), github.out());
    }

    @Test
    void github_format_appends_the_markdown_report_to_the_step_summary_github_names() throws Exception {
        Path summary = Files.writeString(dir.resolve("summary.md"), "an earlier step's summary\n");
        // the variable is read from the environment, so this runs the CLI in a JVM of its own
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.strata.cli.StrataCommand", "-C", ExampleProject.SOURCE.toString(),
                "check", "--format", "github").redirectErrorStream(true);
        pb.environment().put("GITHUB_STEP_SUMMARY", summary.toString());
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertEquals(0, process.waitFor(), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("::warning file=db/migration/V7__")), out);
        String written = Files.readString(summary);
        assertTrue(written.startsWith("an earlier step's summary\n## Strata check passed"), written);
        assertTrue(written.contains("| `reversibility` | passed | 0 | 0 |"), written);
    }

    @Test
    void markdown_shows_the_new_revision_sql_and_no_er_diagram_when_it_touches_no_table() throws Exception {
        Cli cli = Cli.run("-C", ExampleProject.SOURCE.toString(), "check", "--format", "markdown");

        assertEquals(0, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("### Revision 12 (add-latest-prices-view): Add latest prices view"), cli.out());
        assertTrue(cli.out().contains("```sql\n-- Strata upgrade of revision 12"), cli.out());
        assertTrue(!cli.out().contains("```mermaid"), "revision 12 adds a view and touches no table: " + cli.out());
    }

    @Test
    void markdown_draws_the_tables_each_new_revision_touches() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        try (var revisions = Files.list(ExampleProject.SOURCE.resolve("schema/events"))) {
            for (Path r : revisions.filter(f -> f.getFileName().toString().compareTo("0011") < 0).toList()) {
                Files.copy(r, base.resolve(r.getFileName()));
            }
        }

        Cli cli = Cli.run("-C", ExampleProject.SOURCE.toString(), "check", "--format", "markdown", "--base-dir", base.toString());

        assertEquals(0, cli.exit(), cli.toString());
        String revision11 = cli.out().substring(cli.out().indexOf("### Revision 11"), cli.out().indexOf("### Revision 12"));
        assertTrue(revision11.contains("```mermaid\nerDiagram\n"), revision11);
        assertTrue(revision11.contains("companies {") && revision11.contains("industries {"), revision11);
    }

    @Test
    void an_unknown_check_to_skip_is_bad_usage() {
        Cli cli = Cli.run("-C", ExampleProject.SOURCE.toString(), "check", "--skip", "reversability");

        assertEquals(2, cli.exit());
        assertEquals("error: --skip reversability: no such check; checks are history, immutability, projection,"
                + " reversibility, data, models, lint\n", cli.err());
    }
}
