package dev.strata.cli.command;

import dev.strata.cli.Cli;
import dev.strata.cli.ExampleProject;
import dev.strata.cli.ops.LiveDatabase;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slugs keep every script's letters, an ambiguous slug is an error, and the author is the git identity. */
class NamesTest {

    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void a_copy_of_the_example() throws Exception {
        project = ExampleProject.copyTo(dir.resolve("p"));
    }

    /** A data migration named {@code what}, so its schema is head's. */
    private Cli revision(String message, String what) throws Exception {
        Files.writeString(project.resolve("e.json"), "[ { \"type\": \"SqlExecuted\", \"description\": \"" + what + "\","
                + " \"up\": \"UPDATE companies SET name = trim(name);\", \"down\": \"SELECT 1;\" } ]");
        return Cli.in(project, "revision", "-m", message, "--events-file", "e.json");
    }

    @Test
    void a_japanese_message_keeps_its_letters_in_the_slug_and_flyway_applies_the_file() throws Exception {
        Cli recorded = revision("銘柄名の索引を追加", "ix_name");

        Cli upgrade = Cli.in(project, "upgrade");

        assertEquals(0, recorded.exit(), recorded.toString());
        assertTrue(Files.exists(project.resolve("schema/events/0013-銘柄名の索引を追加.json")));
        assertTrue(Files.exists(project.resolve("db/migration/V13__銘柄名の索引を追加.sql")));
        assertEquals(0, upgrade.exit(), upgrade.toString());
        assertEquals(13, new LiveDatabase(project.resolve("data/stock_data.db")).currentVersion());
        assertEquals(0, Cli.in(project, "downgrade", "銘柄名の索引を追加").exit(), "the slug names the revision");
    }

    @Test
    void a_slug_two_revisions_share_is_an_error_listing_both() throws Exception {
        revision("!!!", "ix_a");
        revision("???", "ix_b");
        Cli.in(project, "upgrade");

        Cli downgrade = Cli.in(project, "downgrade", "revision");

        assertEquals(2, downgrade.exit(), downgrade.toString());
        assertEquals("error: revision is ambiguous: 2 revisions have this slug: 13 (revision) \"!!!\", 14 (revision) \"???\";"
                + " nothing was changed. Give the revision's number instead\n", downgrade.err());
        assertEquals(14, new LiveDatabase(project.resolve("data/stock_data.db")).currentVersion());
    }

    @Test
    void a_new_revision_in_a_repository_is_authored_by_its_git_identity() throws Exception {
        try (Git git = Git.init().setDirectory(project.toFile()).call()) {
            var config = git.getRepository().getConfig();
            config.setString("user", null, "name", "Ana Lima");
            config.setString("user", null, "email", "ana@example.com");
            config.save();
        }

        revision("Index names", "ix_name");

        assertTrue(Files.readString(project.resolve("schema/events/0013-index-names.json")).contains("\"author\": \"Ana Lima <ana@example.com>\""),
                Files.readString(project.resolve("schema/events/0013-index-names.json")));
    }
}
