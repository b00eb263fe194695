package dev.strata.cli.alembic;

import dev.strata.cli.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code strata import alembic} end to end with a real Alembic (Debian's alembic and python3-alembic, which .ci/run
 * installs) on the stock analyzer written as an Alembic project, batch-mode rebuilds included.
 */
class ImportAlembicTest {

    private static List<String> alembic;

    @BeforeAll
    static void find_alembic() {
        for (List<String> c : List.of(List.of("alembic"), List.of("python3", "-m", "alembic"))) {
            try {
                Process p = new ProcessBuilder(c.get(0), c.size() > 1 ? c.get(1) : "--version", c.size() > 1 ? c.get(2) : "--version")
                        .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() == 0) {
                    alembic = c;
                    return;
                }
            } catch (Exception e) {
                // not this one
            }
        }
    }

    private static Path project(Path dir) throws Exception {
        Path source = Path.of(ImportAlembicTest.class.getResource("/alembic/stock-analyzer").toURI());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path to = dir.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.createDirectories(dir.resolve("data"));
        return dir;
    }

    private static void alembic(Path project, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(alembic);
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    private static String column(Path db, String table, String column) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("SELECT type FROM pragma_table_info('" + table + "') WHERE name = '" + column + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void an_alembic_history_becomes_flyway_files_whose_check_finds_the_batch_cast_that_loses_volumes(@TempDir Path dir) throws Exception {
        assumeTrue(alembic != null, "Alembic is not installed (apt-get install alembic python3-alembic, or pip install alembic); .ci/run installs it");
        Path project = project(dir);

        Cli imported = Cli.run("-C", project.toString(), "--db", "data/stock_data.db", "import", "alembic");

        assertEquals(0, imported.exit(), imported.toString());
        assertEquals("wrote 5 Alembic revisions as V/U files to db/migration (mapping in db/migration/alembic-ids.txt)\n", imported.out());
        assertEquals("""
                # Flyway version, Alembic revision id, message: written by `strata import alembic`
                1 3f1c0a9b2d01 create companies table
                2 7d2e4b6a8c02 create daily prices table
                3 a94f3e1c5b03 add industry_code to companies table
                4 c0b8d2f4e604 rename daily_prices.close to close_price
                5 e5a7c9d1f305 store volume as a non-negative integer
                """, Files.readString(project.resolve("db/migration/alembic-ids.txt")));
        assertTrue(Files.readString(project.resolve("db/migration/V4__rename_daily_prices_close_to_close_price.sql"))
                .contains("ALTER TABLE _alembic_tmp_daily_prices RENAME TO daily_prices;"));
        assertTrue(!Files.readString(project.resolve("db/migration/V1__create_companies_table.sql")).contains("alembic_version"));
        // the batch rename reads as a dropped column to the lint (a warning); the batch type change copies volume with
        // CAST(volume AS INTEGER), so a non-numeric TEXT value becomes 0 for good (an error)
        Cli check = Cli.run("-C", project.toString(), "check", "--format", "json");
        assertEquals(1, check.exit(), check.toString());
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(check.out());
        List<String> statuses = new java.util.ArrayList<>();
        report.get("revisions").forEach(r -> statuses.add(r.get("version").asInt() + " " + r.get("status").asText()));
        assertEquals(List.of("1 passed", "2 passed", "3 passed", "4 warning", "5 failed"), statuses, check.out());
        assertTrue(report.get("findings").toString().contains("rows of table daily_prices differ"), check.out());
    }

    @Test
    void a_database_alembic_manages_is_stamped_at_its_revision_and_upgraded_by_strata(@TempDir Path dir) throws Exception {
        assumeTrue(alembic != null, "Alembic is not installed (apt-get install alembic python3-alembic, or pip install alembic); .ci/run installs it");
        Path project = project(dir);
        alembic(project, "upgrade", "c0b8d2f4e604");

        Cli imported = Cli.run("-C", project.toString(), "--db", "data/stock_data.db", "import", "alembic");
        Cli upgraded = Cli.run("-C", project.toString(), "--db", "data/stock_data.db", "upgrade", "--no-backup");

        assertEquals(0, imported.exit(), imported.toString());
        assertTrue(imported.out().contains("stamped data/stock_data.db at version 4 (Alembic revision c0b8d2f4e604); nothing was run"),
                imported.out());
        assertEquals(0, upgraded.exit(), upgraded.toString());
        assertTrue(upgraded.out().contains("from version 4 to 5"), upgraded.out());
        assertEquals("INTEGER", column(project.resolve("data/stock_data.db"), "daily_prices", "volume"));
    }

    @Test
    void a_missing_alembic_is_named_with_what_to_install(@TempDir Path dir) throws Exception {
        Path project = project(dir);

        Cli cli = Cli.run("-C", project.toString(), "import", "alembic", "--alembic", "/no/such/alembic");

        assertEquals(2, cli.exit(), cli.toString());
        assertEquals("error: Alembic is not installed at '/no/such/alembic'; fix: install it where the project's migrations run"
                + " (pip install alembic, or apt-get install alembic python3-alembic), or name it with --alembic CMD\n", cli.err());
    }
}
