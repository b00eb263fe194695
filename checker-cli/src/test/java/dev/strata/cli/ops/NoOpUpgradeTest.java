package dev.strata.cli.ops;

import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An upgrade with nothing to apply still refuses a broken history and reports a database changed by hand. */
class NoOpUpgradeTest {

    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void a_database_at_head() {
        project = ExampleProject.copyTo(dir.resolve("p"));
        assertEquals(0, Cli.in(project, "upgrade").exit());
    }

    private LiveDatabase db() {
        return new LiveDatabase(project.resolve("data/stock_data.db"));
    }

    @Test
    void a_no_op_upgrade_of_a_database_changed_by_hand_reports_the_drift_with_exit_1() throws Exception {
        try (var c = db().connect(); var st = c.createStatement()) {
            st.execute("CREATE INDEX ix_by_hand ON companies (name)");
        }

        Cli cli = Cli.in(project, "upgrade");

        assertEquals(1, cli.exit(), cli.toString());
        assertTrue(cli.out().endsWith("data/stock_data.db is up to date at version 12\n"
                + "drift: data/stock_data.db differs from revision 12 (someone changed it by hand):\n"
                + "  index ix_by_hand is in data/stock_data.db but not in revision 12\n"), cli.out());
    }

    @Test
    void a_no_op_upgrade_refuses_a_history_whose_revision_file_was_edited_and_changes_nothing() throws Exception {
        Path r3 = project.resolve("schema/events/0003-create-watchlists.json");
        Files.writeString(r3, Files.readString(r3).replace("Create watchlists", "Create watch lists"));
        byte[] before = Files.readAllBytes(db().file());

        Cli cli = Cli.in(project, "upgrade");

        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().startsWith("error: the history in schema/events is broken:\n  schema/events/0003-create-watchlists.json: "),
                cli.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(db().file())));
    }
}
