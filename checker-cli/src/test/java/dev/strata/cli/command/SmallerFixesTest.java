package dev.strata.cli.command;

import dev.strata.cli.Cli;
import dev.strata.cli.TaggedExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The smaller things a production user tripped over. */
class SmallerFixesTest {

    @TempDir
    Path dir;

    @Test
    void downgrade_further_back_than_the_database_goes_is_an_error_not_a_silent_base() throws Exception {
        Path project = dev.strata.cli.ExampleProject.copyTo(dir.resolve("p"));
        Cli.in(project, "upgrade", "--no-backup");

        Cli downgrade = Cli.in(project, "downgrade", "-100");

        assertEquals(2, downgrade.exit(), downgrade.toString());
        assertEquals("error: -100: the database is at 12, so it can go back at most 12 revision(s); nothing was changed. Give base"
                + " to undo every revision\n", downgrade.err());
        assertEquals(12, new dev.strata.cli.ops.LiveDatabase(project.resolve("data/stock_data.db")).currentVersion());
    }

    @Test
    void a_tag_with_no_new_revision_deploys_no_new_revision_and_its_plan_is_readable_by_others() throws Exception {
        try (TaggedExample example = TaggedExample.create(dir.resolve("repo"), "v0.2.0", 8)) {
            try (var git = org.eclipse.jgit.api.Git.open(dir.resolve("repo").toFile())) {
                git.tag().setName("v0.2.1").setAnnotated(false).call();
            }
            Path plan = dir.resolve("plan.md");

            Cli gate = Cli.in(example.project(), "gate", "v0.2.1", "--plan", plan.toString());

            assertEquals(0, gate.exit(), gate.toString());
            assertTrue(gate.out().contains("gate v0.2.1: OPEN; deploys no new revision (the schema stays at revision 8) after v0.2.0"),
                    gate.out());
            assertFalse(gate.out().contains("9..8"), gate.out());
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(plan)));
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("plan.json"))));
        }
    }

    @Test
    void an_unknown_format_says_so_in_one_line_and_where_the_help_is() {
        Cli cli = Cli.run("check", "--format", "xml");

        assertEquals(2, cli.exit());
        assertTrue(cli.err().startsWith("error: Invalid value for option '--format': expected one of"), cli.err());
        assertTrue(cli.err().endsWith("run `strata check --help` for its options\n"), cli.err());
        assertFalse(cli.err().contains("Usage:"), cli.err());
    }

    @Test
    void the_version_is_the_build_s_version() {
        Cli cli = Cli.run("-V");

        assertEquals(0, cli.exit());
        assertTrue(cli.out().startsWith("strata 0."), cli.out());
        assertFalse(cli.out().contains("development"), cli.out());
    }
}
