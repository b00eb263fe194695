package dev.strata.cli.check;

import dev.strata.cli.Cli;
import dev.strata.cli.project.GeneratedFiles;
import dev.strata.events.Revision;
import dev.strata.events.SqlExecuted;
import dev.strata.events.json.RevisionFiles;
import dev.strata.events.json.RevisionHasher;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same broken histories as {@link BrokenFlywayFolderTest}, recorded as revisions whose events are
 * {@code SqlExecuted} with the same up and down SQL: they must fail the same checks the same way.
 */
class BrokenEventHistoryTest extends BrokenFlywayFolderTest {

    @Override
    Path folder(String v2, String u2) throws Exception {
        Path m = super.folder(v2, u2 == null ? "SELECT 1;\n" : u2);
        Revision r1 = RevisionHasher.seal(new Revision(1, "base", "Base", "test", Instant.EPOCH, null,
                List.of(new SqlExecuted("base schema", Files.readString(m.resolve("V1__base.sql")), Files.readString(m.resolve("U1__base.sql")))), null));
        Revision r2 = RevisionHasher.seal(new Revision(2, "change", "Change", "test", Instant.EPOCH, r1.hash(),
                List.of(new SqlExecuted("the change", v2, u2 == null ? "SELECT 1;" : u2)), null));
        for (Revision r : List.of(r1, r2)) {
            RevisionFiles.write(dir.resolve("schema/events"), r);
        }
        for (Map.Entry<String, String> f : GeneratedFiles.of(List.of(r1, r2), "schema/events").entrySet()) {
            Files.writeString(m.resolve(f.getKey()), f.getValue());
        }
        if (u2 == null) {
            Files.delete(m.resolve("U2__change.sql"));
        }
        return m;
    }

    /**
     * In an event history the models compare with the schema the events project, and {@code SqlExecuted}
     * projects nothing: every object of the models is listed as missing from the migrations, not the one
     * column and index the SQL changed.
     */
    @Override
    @Test
    void models_that_differ_by_a_column_and_an_index_are_listed() throws Exception {
        Path m = folder("ALTER TABLE companies ADD COLUMN industry_code TEXT;\n", "ALTER TABLE companies DROP COLUMN industry_code;\n");
        Path models = dir.resolve("models.sql");
        Files.writeString(models, "CREATE TABLE companies (id INTEGER PRIMARY KEY, sector TEXT);\n"
                + "CREATE INDEX ix_companies_sector ON companies (sector);\n");

        Cli cli = check(m, "--models", models.toString());

        assertEquals(1, cli.exit(), cli.toString());
        assertEquals(List.of("table companies is in the models but not in the migrations",
                        "index ix_companies_sector is in the models but not in the migrations"),
                findings(cli, "models").stream().map(f -> f.get("message").asText()).toList());
    }
}
