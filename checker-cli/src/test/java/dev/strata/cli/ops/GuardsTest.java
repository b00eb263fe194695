package dev.strata.cli.ops;

import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guards against the mistakes that cost a production database: check fails wherever upgrade would. */
class GuardsTest {

    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void a_copy_of_the_example() {
        project = ExampleProject.copyTo(dir.resolve("p"));
    }

    @Test
    void an_emptied_models_file_does_not_autogenerate_a_revision_that_drops_every_table() throws Exception {
        Files.writeString(project.resolve("schema/models.yaml"), "");

        Cli refused = Cli.in(project, "revision", "--autogenerate", "-m", "Oops");
        Cli allowed = Cli.in(project, "revision", "--autogenerate", "-m", "Start over", "--allow-drop-all");

        assertEquals(2, refused.exit(), refused.toString());
        assertTrue(refused.err().startsWith("error: schema/models.yaml declares 0 table(s), so --autogenerate would drop all 6 tables at"
                + " head (analysis_results, companies, daily_prices, industries, watchlist_items, watchlists); nothing was written."), refused.err());
        assertEquals(0, allowed.exit(), allowed.toString());
        assertTrue(Files.exists(project.resolve("schema/events/0013-start-over.json")));
        assertFalse(Files.exists(project.resolve("schema/events/0013-oops.json")));
    }

    @Test
    void a_second_v5_in_a_subfolder_fails_check_as_it_fails_upgrade_and_no_database_file_appears() throws Exception {
        Path old = Files.createDirectories(project.resolve("db/migration/old"));
        Files.copy(project.resolve("db/migration/V5__add_industry_code_to_companies_table.sql"), old.resolve("V5__copy.sql"));

        Cli check = Cli.in(project, "check");
        Cli upgrade = Cli.in(project, "upgrade");

        assertEquals(1, check.exit(), check.toString());
        assertTrue(check.out().contains("version 5 has two upgrades: db/migration/V5__add_industry_code_to_companies_table.sql and"
                + " db/migration/old/V5__copy.sql"), check.out());
        assertEquals(2, upgrade.exit(), upgrade.toString());
        assertTrue(upgrade.err().startsWith("error: db/migration has problems Flyway or strata refuses; nothing was changed,"
                + " the database is intact:"), upgrade.err());
        assertFalse(Files.exists(project.resolve("data/stock_data.db")));
    }

    @Test
    void a_symbolic_link_loop_in_the_migration_folder_fails_check_and_upgrade() throws Exception {
        Files.createSymbolicLink(project.resolve("db/migration/loop"), Path.of(".."));

        Cli check = Cli.in(project, "check");
        Cli upgrade = Cli.in(project, "upgrade");

        assertEquals(1, check.exit(), check.toString());
        assertTrue(check.out().contains("is a symbolic link that leads back to a folder above it: Flyway follows it and finds the"
                + " migrations twice"), check.out());
        assertEquals(2, upgrade.exit(), upgrade.toString());
        assertFalse(Files.exists(project.resolve("data/stock_data.db")));
    }

    @Test
    void a_deleted_revision_file_is_a_gap_naming_the_files_on_each_side() throws Exception {
        Files.delete(project.resolve("schema/events/0007-rename-daily-prices-close-to-close-price.json"));

        Cli check = Cli.in(project, "check");

        assertEquals(2, check.exit(), check.toString());
        assertTrue(check.err().contains("schema/events/0008-store-volume-as-a-non-negative-integer.json: a gap: revision 7 missing between"
                + " schema/events/0006-index-prices-by-date-and-analysis-results-by-symbol-and-day.json and"
                + " schema/events/0008-store-volume-as-a-non-negative-integer.json"), check.err());
        assertFalse(check.err().contains("cannot alter column"), check.err());
    }
}
