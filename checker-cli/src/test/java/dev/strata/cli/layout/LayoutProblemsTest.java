package dev.strata.cli.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files a tool would refuse: exit 2 naming the file and line, or a finding when the rest of the folder is usable. */
class LayoutProblemsTest {

    private static Path file(Path project, String name, String text) throws Exception {
        Path p = project.resolve("migrations").resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    @Test
    void a_goose_file_with_two_up_sections_is_refused_with_its_line(@TempDir Path project) throws Exception {
        file(project, "00001_init.sql", "-- +goose Up\nCREATE TABLE a (id INTEGER);\n-- +goose Up\nCREATE TABLE b (id INTEGER);\n");

        Cli cli = Cli.run("-C", project.toString(), "check", "--migrations", "migrations");

        assertEquals(2, cli.exit(), cli.toString());
        assertEquals("error: migrations/00001_init.sql:3: a second -- +goose Up, or one after -- +goose Down;"
                + " fix: keep one Up section, then one Down\n", cli.err());
    }

    @Test
    void a_goose_statement_block_that_never_ends_is_refused_at_its_begin(@TempDir Path project) throws Exception {
        file(project, "00001_init.sql", "-- +goose Up\n-- +goose StatementBegin\nCREATE TABLE a (id INTEGER);\n-- +goose Down\nDROP TABLE a;\n");

        Cli cli = Cli.run("-C", project.toString(), "check", "--migrations", "migrations", "--layout", "goose");

        assertEquals(2, cli.exit(), cli.toString());
        assertEquals("error: migrations/00001_init.sql:2: -- +goose StatementBegin is never ended;"
                + " fix: add -- +goose StatementEnd after the statement\n", cli.err());
    }

    @Test
    void a_dbmate_down_section_before_its_up_is_refused(@TempDir Path project) throws Exception {
        file(project, "20240101000000_init.sql", "-- migrate:down\nDROP TABLE a;\n-- migrate:up\nCREATE TABLE a (id INTEGER);\n");

        Cli cli = Cli.run("-C", project.toString(), "check", "--migrations", "migrations", "--layout", "dbmate");

        assertEquals(2, cli.exit(), cli.toString());
        assertEquals("error: migrations/20240101000000_init.sql:1: -- migrate:down before -- migrate:up;"
                + " fix: put the up section first, then one down section\n", cli.err());
    }

    @Test
    void a_liquibase_changeset_without_author_and_id_is_refused(@TempDir Path project) throws Exception {
        file(project, "changelog.sql", "--liquibase formatted sql\n--changeset alice\nCREATE TABLE a (id INTEGER);\n");

        Cli cli = Cli.run("-C", project.toString(), "check", "--migrations", "migrations/changelog.sql");

        assertEquals(2, cli.exit(), cli.toString());
        assertEquals("error: migrations/changelog.sql:2: malformed changeset line '--changeset alice'; fix: write"
                + " --changeset author:id (Liquibase refuses it too)\n", cli.err());
    }

    @Test
    void a_liquibase_changelog_file_is_checked_with_the_changeset_named(@TempDir Path project) throws Exception {
        file(project, "changelog.sql", "--liquibase formatted sql\n\n--changeset alice:1\nCREATE TABLE a (id INTEGER);\n");

        Cli cli = Cli.run("-C", project.toString(), "check", "--migrations", "migrations/changelog.sql", "--format", "json");

        assertEquals(1, cli.exit(), cli.toString());
        JsonNode finding = new ObjectMapper().readTree(cli.out()).get("findings").get(0);
        assertEquals("migrations/changelog.sql", finding.get("file").asText());
        assertTrue(finding.get("message").asText().contains("version 1 (alice:1 1)"), finding.toString());
    }

    @Test
    void two_golang_migrate_ups_for_one_version_are_a_finding(@TempDir Path project) throws Exception {
        file(project, "1_a.up.sql", "CREATE TABLE a (id INTEGER);\n");
        file(project, "1_a.down.sql", "DROP TABLE a;\n");
        file(project, "1_b.up.sql", "CREATE TABLE b (id INTEGER);\n");

        Cli cli = Cli.run("-C", project.toString(), "check", "--migrations", "migrations", "--format", "json");

        assertEquals(1, cli.exit(), cli.toString());
        JsonNode finding = new ObjectMapper().readTree(cli.out()).get("findings").get(0);
        assertEquals("migrations/1_b.up.sql", finding.get("file").asText());
        assertEquals("golang-migrate version 1 has two up files: 1_a.up.sql and 1_b.up.sql (golang-migrate refuses the folder)",
                finding.get("message").asText());
    }

    @Test
    void a_down_file_without_its_up_is_a_finding(@TempDir Path project) throws Exception {
        file(project, "1_a.up.sql", "CREATE TABLE a (id INTEGER);\n");
        file(project, "1_a.down.sql", "DROP TABLE a;\n");
        file(project, "2_b.down.sql", "DROP TABLE b;\n");

        Cli cli = Cli.run("-C", project.toString(), "check", "--migrations", "migrations", "--format", "json");

        assertEquals(1, cli.exit(), cli.toString());
        JsonNode finding = new ObjectMapper().readTree(cli.out()).get("findings").get(0);
        assertEquals("2_b.down.sql has no up file for version 2", finding.get("message").asText());
    }

    @Test
    void an_unknown_layout_is_refused_with_the_names_strata_reads(@TempDir Path project) throws Exception {
        Cli cli = Cli.run("-C", project.toString(), "check", "--layout", "alembic");

        assertEquals(2, cli.exit(), cli.toString());
        assertEquals("error: layout 'alembic' is not one Strata reads; use one of flyway, golang-migrate, goose, dbmate, sqlx, diesel,"
                + " liquibase (golang-migrate?x-no-tx-wrap=true for golang-migrate without its per-file transaction)\n", cli.err());
    }

    @Test
    void strata_yaml_names_the_layout(@TempDir Path project) throws Exception {
        file(project, "1_a.up.sql", "-- no-transaction\nCREATE TABLE a (id INTEGER);\n");
        Files.writeString(project.resolve("strata.yaml"), "migrations: migrations\nlayout: sqlx\n");

        Cli cli = Cli.run("-C", project.toString(), "history");

        assertEquals(0, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("1  a  (no downgrade)"), cli.out());
    }

    @Test
    void convert_refuses_a_target_that_is_not_empty(@TempDir Path project) throws Exception {
        file(project, "1_a.up.sql", "CREATE TABLE a (id INTEGER);\n");
        Files.createDirectories(project.resolve("db/migration"));
        Files.writeString(project.resolve("db/migration/V1__kept.sql"), "CREATE TABLE kept (id INTEGER);\n");

        Cli cli = Cli.run("-C", project.toString(), "--migrations", "migrations", "convert");

        assertEquals(2, cli.exit(), cli.toString());
        assertEquals("error: db/migration is not empty; fix: give --to a new or empty folder (nothing is overwritten)\n", cli.err());
        assertEquals("CREATE TABLE kept (id INTEGER);\n", Files.readString(project.resolve("db/migration/V1__kept.sql")));
    }

    @Test
    void upgrade_of_a_goose_folder_asks_for_a_conversion_first(@TempDir Path project) throws Exception {
        file(project, "00001_init.sql", "-- +goose Up\nCREATE TABLE a (id INTEGER);\n-- +goose Down\nDROP TABLE a;\n");

        Cli cli = Cli.run("-C", project.toString(), "--migrations", "migrations", "upgrade");

        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().startsWith("error: migrations is a goose folder, and strata upgrade, downgrade and stamp run Flyway"), cli.err());
    }
}
