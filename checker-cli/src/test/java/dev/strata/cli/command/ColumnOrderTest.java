package dev.strata.cli.command;

import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A user changes a column in the middle of a table of the example, records the revision and checks
 * it: the generated downgrade must give the columns back in their old order, in the check's scratch
 * database and in a real one.
 */
class ColumnOrderTest {

    @TempDir
    Path dir;

    @Test
    void a_dropped_middle_column_passes_the_check_and_its_downgrade_puts_it_back_in_place() throws Exception {
        Path p = editedModels("      sector: TEXT\n", "");

        Cli check = recordedAndChecked(p, "-m", "Drop sector", "--autogenerate");

        assertPasses(check);
        assertEquals(List.of("id", "symbol", "name", "sector", "listed_on", "industry_code"), columnsAfterUpAndDown(p, "companies"));
    }

    @Test
    void a_renamed_middle_column_passes_the_check_and_its_downgrade_keeps_the_column_order() throws Exception {
        Path p = editedModels("      sector: TEXT\n", "      segment: TEXT\n");
        Files.writeString(p.resolve("rename.json"), """
                [ { "type": "ColumnRenamed", "table": "companies", "from": "sector", "to": "segment" } ]
                """);

        Cli check = recordedAndChecked(p, "-m", "Rename sector to segment", "--events-file", "rename.json");
        Cli autogenerate = strata(p, "revision", "-m", "Anything left", "--autogenerate");

        assertEquals("no changes: the models equal the schema at head (revision 13)\n", autogenerate.out());
        assertPasses(check);
        assertEquals(List.of("id", "symbol", "name", "sector", "listed_on", "industry_code"), columnsAfterUpAndDown(p, "companies"));
    }

    @Test
    void a_changed_type_of_a_middle_column_passes_the_check_and_its_downgrade_keeps_the_column_order() throws Exception {
        Path p = editedModels("      open: REAL\n", "      open: NUMERIC(12, 4)\n");

        Cli check = recordedAndChecked(p, "-m", "Store open prices as decimals", "--autogenerate");

        assertPasses(check);
        assertEquals(List.of("id", "symbol", "date", "open", "high", "low", "close_price", "volume"),
                columnsAfterUpAndDown(p, "daily_prices"));
    }

    private Path editedModels(String line, String replacement) throws Exception {
        Path p = ExampleProject.copyTo(dir);
        Path models = p.resolve("schema/models.yaml");
        String before = Files.readString(models);
        Files.writeString(models, before.replace(line, replacement));
        return p;
    }

    /** Records revision 13 with the given arguments, then runs the check. */
    private static Cli recordedAndChecked(Path project, String... revisionArgs) {
        String[] args = new String[revisionArgs.length + 1];
        args[0] = "revision";
        System.arraycopy(revisionArgs, 0, args, 1, revisionArgs.length);
        Cli revision = strata(project, args);
        assertEquals(0, revision.exit(), revision.toString());
        return strata(project, "check");
    }

    private static Cli strata(Path project, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-C";
        all[1] = project.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.run(all);
    }

    private static void assertPasses(Cli check) {
        assertEquals(0, check.exit(), check.toString());
        assertFalse(check.out().contains("[reversibility]"), check.out());
    }

    /** The table's columns in a real database after upgrading to revision 13 and downgrading it again. */
    private static List<String> columnsAfterUpAndDown(Path project, String table) throws SQLException {
        Cli up = strata(project, "upgrade");
        Cli down = strata(project, "downgrade", "-1");
        assertEquals(0, up.exit(), up.toString());
        assertEquals(0, down.exit(), down.toString());
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("data/stock_data.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM pragma_table_info('" + table + "')")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
