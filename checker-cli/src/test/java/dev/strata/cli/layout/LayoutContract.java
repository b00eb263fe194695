package dev.strata.cli.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.cli.Cli;
import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.MigrationPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every layout's reader guarantees, on small folders written in the tool's own format by each implementation:
 * a passing history passes, a broken downgrade is found on the tool's file and line, the tool's transaction rule
 * decides a {@code PRAGMA foreign_keys = OFF} rebuild, and {@code strata convert} keeps every script.
 */
interface LayoutContract {

    /** One migration, one statement per line. */
    record Migration(List<String> up, List<String> down, boolean transactional) {
    }

    /** Where a script was written: the file as shown from the project and the line its first statement is on. */
    record Written(String file, int firstLine) {
    }

    /** Writes the migrations in the tool's format under {@code project/migrations}; returns where each down went. */
    List<Written> write(Path project, List<Migration> migrations) throws Exception;

    /** The layout detection finds for the folder. */
    String name();

    /** The {@code --layout} a folder whose scripts run outside a transaction needs, if any. */
    default List<String> layoutFlags(boolean transactional) {
        return List.of();
    }

    List<Migration> PASSING = List.of(
            new Migration(List.of("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"), List.of("DROP TABLE item;"), true),
            new Migration(List.of("ALTER TABLE item ADD COLUMN note TEXT;", "CREATE INDEX item_name ON item (name);"),
                    List.of("DROP INDEX item_name;", "ALTER TABLE item DROP COLUMN note;"), true));

    private List<Migration> rebuild(boolean transactional) {
        return List.of(
                new Migration(List.of("CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL);",
                        "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id) ON DELETE CASCADE);"),
                        List.of("DROP TABLE child;", "DROP TABLE parent;"), true),
                new Migration(List.of("PRAGMA foreign_keys = OFF;",
                        "CREATE TABLE parent_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT);",
                        "INSERT INTO parent_new (id, name) SELECT id, name FROM parent;",
                        "DROP TABLE parent;",
                        "ALTER TABLE parent_new RENAME TO parent;",
                        "PRAGMA foreign_keys = ON;"),
                        List.of("PRAGMA foreign_keys = OFF;",
                                "CREATE TABLE parent_old (id INTEGER PRIMARY KEY, name TEXT NOT NULL);",
                                "INSERT INTO parent_old (id, name) SELECT id, name FROM parent;",
                                "DROP TABLE parent;",
                                "ALTER TABLE parent_old RENAME TO parent;",
                                "PRAGMA foreign_keys = ON;"), transactional));
    }

    private Cli check(Path project, List<String> flags) {
        List<String> args = new ArrayList<>(List.of("-C", project.toString(), "check", "--migrations", "migrations"));
        args.addAll(flags);
        args.addAll(List.of("--format", "json"));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    default void the_folder_is_recognised_as_its_tools(@TempDir Path project) throws Exception {
        write(project, PASSING);

        assertEquals(name(), Layouts.detect(project.resolve("migrations")).name());
    }

    @Test
    default void a_passing_history_passes(@TempDir Path project) throws Exception {
        write(project, PASSING);

        Cli cli = check(project, List.of());

        assertEquals(0, cli.exit(), cli.toString());
        assertEquals(2, new ObjectMapper().readTree(cli.out()).get("revisions").size(), cli.out());
    }

    @Test
    default void a_broken_downgrade_is_found_on_the_tools_file_and_line(@TempDir Path project) throws Exception {
        List<Written> written = write(project, List.of(PASSING.get(0),
                new Migration(PASSING.get(1).up(), List.of("DROP INDEX item_name;", "ALTER TABLE item DROP COLUMN notes;"), true)));

        Cli cli = check(project, List.of());

        assertEquals(1, cli.exit(), cli.toString());
        JsonNode finding = new ObjectMapper().readTree(cli.out()).get("findings").get(0);
        assertEquals(2, finding.get("revision").asInt(), finding.toString());
        assertEquals(written.get(1).file(), finding.get("file").asText(), finding.toString());
        assertEquals(written.get(1).firstLine() + 1, finding.get("line").asInt(), finding.toString());
        assertTrue(finding.get("message").asText().contains("no such column: \"notes\""), finding.toString());
    }

    @Test
    default void a_foreign_keys_off_rebuild_inside_a_transaction_cascades_and_fails(@TempDir Path project) throws Exception {
        write(project, rebuild(true));

        Cli cli = check(project, layoutFlags(true));

        assertEquals(1, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("child"), cli.out());
    }

    @Test
    default void the_same_rebuild_outside_a_transaction_passes(@TempDir Path project) throws Exception {
        write(project, rebuild(false));

        Cli cli = check(project, layoutFlags(false));

        assertEquals(0, cli.exit(), cli.toString());
    }

    @Test
    default void convert_writes_a_flyway_folder_with_every_script_unchanged(@TempDir Path project) throws Exception {
        write(project, rebuild(false));
        List<String> flags = new ArrayList<>(List.of("-C", project.toString(), "--migrations", "migrations"));
        flags.addAll(layoutFlags(false));
        flags.addAll(List.of("convert", "--to", "flyway"));

        Cli cli = Cli.run(flags.toArray(String[]::new));

        assertEquals(0, cli.exit(), cli.toString());
        MigrationFolder original = (layoutFlags(false).isEmpty() ? Layouts.detect(project.resolve("migrations"))
                : Layouts.named(layoutFlags(false).get(1))).read(project.resolve("migrations"), "migrations");
        MigrationFolder converted = new FlywayLayout().read(project.resolve("flyway"), "flyway");
        assertEquals(original.pairs().size(), converted.pairs().size());
        for (int i = 0; i < original.pairs().size(); i++) {
            MigrationPair a = original.pairs().get(i);
            MigrationPair b = converted.pairs().get(i);
            assertEquals(a.version(), b.version());
            assertEquals(a.up().text(), b.up().text());
            assertEquals(a.up().transactional(), b.up().transactional());
            assertEquals(a.down().text(), b.down().text());
            assertEquals(a.down().transactional(), b.down().transactional());
        }
        assertEquals(0, Cli.run("-C", project.toString(), "check", "--migrations", "flyway").exit());
    }
}
